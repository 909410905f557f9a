import { z } from 'zod';

/** What an agent can attach, by WhatsApp's own message types for files. */
export const MediaKind = z.enum(['image', 'video', 'audio', 'document', 'sticker']);
export type MediaKind = z.infer<typeof MediaKind>;

const MB = 1024 * 1024;

/**
 * WhatsApp Cloud API's supported media (types and sizes), from Meta's "Supported media types" reference.
 * Checked on both sides before a byte leaves: the desktop when a file is dropped, the server before it
 * uploads to the Graph API media endpoint.
 */
export const MEDIA_RULES: Record<MediaKind, { mimeTypes: readonly string[]; maxBytes: number; caption: boolean }> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB, caption: true },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB, caption: true },
  audio: {
    mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
    maxBytes: 16 * MB,
    caption: false,
  },
  document: {
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
    caption: true,
  },
  // Animated stickers may reach 500 KB; static ones only 100 KB (see stickerLimit).
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024, caption: false },
};

const STATIC_STICKER_MAX_BYTES = 100 * 1024;

/** The largest file any kind allows: what an upload body may never exceed. */
export const MAX_ATTACHMENT_BYTES = Math.max(...Object.values(MEDIA_RULES).map((r) => r.maxBytes));

const EXTENSIONS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  aac: 'audio/aac',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** `audio/ogg; codecs=opus` and `Image/PNG` are the types WhatsApp lists; parameters and case are not. */
export function normalizeMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

/** The type a file's name implies, for files whose type the browser or OS left blank. */
export function mimeTypeFromFilename(filename: string): string | null {
  const extension = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return extension ? (EXTENSIONS[extension] ?? null) : null;
}

/** An animated WebP has a VP8X chunk with the animation flag set (RIFF....WEBPVP8X, flags at byte 20). */
export function isAnimatedWebp(head: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  return head.length > 20 && ascii(0, 4) === 'RIFF' && ascii(8, 16) === 'WEBPVP8X' && (head[20]! & 0x02) !== 0;
}

export type AttachmentCheck =
  | { ok: true; kind: MediaKind; mimeType: string; maxBytes: number }
  | { ok: false; problem: 'unsupported-type'; mimeType: string; message: string }
  | { ok: false; problem: 'too-large'; kind: MediaKind; size: number; maxBytes: number; message: string }
  | { ok: false; problem: 'empty'; message: string };

export function mediaKindOf(mimeType: string): MediaKind | null {
  const type = normalizeMimeType(mimeType);
  return MediaKind.options.find((kind) => MEDIA_RULES[kind].mimeTypes.includes(type)) ?? null;
}

const inMegabytes = (bytes: number) =>
  bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * Whether WhatsApp takes this file, and as which kind. `animated` matters for stickers only (a static one
 * is limited to 100 KB); leave it undefined where the bytes are not at hand yet, to check the larger limit.
 */
export function checkAttachment(input: { mimeType: string; size: number; animated?: boolean }): AttachmentCheck {
  const mimeType = normalizeMimeType(input.mimeType);
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    return {
      ok: false,
      problem: 'unsupported-type',
      mimeType,
      message: `WhatsApp does not accept ${mimeType || 'files of unknown type'}: send JPEG or PNG photos, MP4 or 3GP videos, AAC, AMR, MP3, M4A or OGG audio, WebP stickers, or PDF, TXT and Office documents`,
    };
  }
  if (input.size <= 0) return { ok: false, problem: 'empty', message: 'the file is empty' };
  const maxBytes =
    kind === 'sticker' && input.animated === false ? STATIC_STICKER_MAX_BYTES : MEDIA_RULES[kind].maxBytes;
  if (input.size > maxBytes) {
    return {
      ok: false,
      problem: 'too-large',
      kind,
      size: input.size,
      maxBytes,
      message: `this ${kind} is ${inMegabytes(input.size)}; WhatsApp takes at most ${inMegabytes(maxBytes)} for a ${kind}`,
    };
  }
  return { ok: true, kind, mimeType, maxBytes };
}

/** A file the server uploaded to WhatsApp's media endpoint for one conversation, ready to send by its id. */
export const UploadDTO = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: MediaKind,
  mimeType: z.string(),
  filename: z.string().nullable(),
  size: z.number().int().positive(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type UploadDTO = z.infer<typeof UploadDTO>;

/** The `X-Filename` header of an upload: URI-encoded so any name travels in a header. */
export const UploadFilename = z
  .string()
  .max(600)
  .transform((v, ctx) => {
    try {
      return decodeURIComponent(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be URI-encoded (encodeURIComponent)' });
      return z.NEVER;
    }
  })
  .pipe(z.string().trim().min(1).max(240, 'a file name is at most 240 characters'));
