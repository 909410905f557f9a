import { describe, expect, it } from 'vitest';
import { checkAttachment, isAnimatedWebp, mimeTypeFromFilename, UploadFilename } from './media.js';

describe('attachment rules (WhatsApp supported media)', () => {
  it('takes each kind within its limit, whatever the type parameters or case', () => {
    expect(checkAttachment({ mimeType: 'image/PNG', size: 5 * 1024 * 1024 })).toMatchObject({
      ok: true,
      kind: 'image',
    });
    expect(checkAttachment({ mimeType: 'audio/ogg; codecs=opus', size: 1000 })).toMatchObject({
      ok: true,
      kind: 'audio',
      mimeType: 'audio/ogg',
    });
    expect(checkAttachment({ mimeType: 'application/pdf', size: 100 * 1024 * 1024 })).toMatchObject({
      ok: true,
      kind: 'document',
    });
  });

  it('refuses a file one byte over its kind limit, saying the limit', () => {
    const photo = checkAttachment({ mimeType: 'image/jpeg', size: 5 * 1024 * 1024 + 1 });
    expect(photo).toMatchObject({ ok: false, problem: 'too-large', kind: 'image', maxBytes: 5 * 1024 * 1024 });
    expect(photo.ok ? '' : photo.message).toMatch(/at most 5 MB for a image/);
    expect(checkAttachment({ mimeType: 'video/mp4', size: 16 * 1024 * 1024 + 1 })).toMatchObject({ ok: false });
  });

  it('limits a static sticker to 100 KB and an animated one to 500 KB', () => {
    expect(checkAttachment({ mimeType: 'image/webp', size: 200 * 1024, animated: false })).toMatchObject({
      ok: false,
      maxBytes: 100 * 1024,
    });
    expect(checkAttachment({ mimeType: 'image/webp', size: 200 * 1024, animated: true })).toMatchObject({
      ok: true,
      kind: 'sticker',
    });
  });

  it('refuses types WhatsApp does not take, and empty files', () => {
    for (const mimeType of ['image/gif', 'application/zip', '', 'text/html']) {
      expect(checkAttachment({ mimeType, size: 10 })).toMatchObject({ ok: false, problem: 'unsupported-type' });
    }
    expect(checkAttachment({ mimeType: 'image/png', size: 0 })).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('reads the type from a file name when the system left it blank', () => {
    expect(mimeTypeFromFilename('Factura Marzo.PDF')).toBe('application/pdf');
    expect(mimeTypeFromFilename('voice.opus')).toBe('audio/ogg');
    expect(mimeTypeFromFilename('archive.zip')).toBeNull();
    expect(mimeTypeFromFilename('no-extension')).toBeNull();
  });

  it('tells an animated WebP from a static one by its VP8X flags', () => {
    const webp = (chunk: string, flags: number) => {
      const bytes = new Uint8Array(30);
      bytes.set([...`RIFF\0\0\0\0WEBP${chunk}`].map((c) => c.charCodeAt(0)));
      bytes[20] = flags;
      return bytes;
    };
    expect(isAnimatedWebp(webp('VP8X', 0x02))).toBe(true);
    expect(isAnimatedWebp(webp('VP8X', 0x10))).toBe(false);
    expect(isAnimatedWebp(webp('VP8 ', 0x02))).toBe(false);
  });

  it('decodes the file name header and refuses one that is not URI-encoded', () => {
    expect(UploadFilename.parse(encodeURIComponent('recibo nº 4411.pdf'))).toBe('recibo nº 4411.pdf');
    expect(UploadFilename.safeParse('%E0%A4%A').success).toBe(false);
  });
});
