import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_PIECE_BYTES, type FileReply, type PendingReply } from '../../../contract/inbox-api';
import { newId } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';
import { MAX_ATTACHMENTS } from './attachments';

afterEach(resetStore);
// The host keeps each piece and answers the file's size so far.
beforeEach(() =>
  testBridge.answer('attachment:write', (_fileId, offset, base64) => ({ size: offset + atob(base64).length })),
);
afterAll(removePageGlobals);

const MB = 1024 * 1024;
const file = (name: string, size: number, type: string) => new File([new Uint8Array(size)], name, { type });
const pending = (conversationId: string, request: PendingReply['request']): PendingReply => ({
  clientMessageId: newId(),
  conversationId,
  request,
  state: 'pending',
  attempts: 0,
  error: null,
  errorCode: null,
  issues: [],
  createdAt: '2026-12-07T10:00:00.000Z',
});

describe('attaching a file', () => {
  it.each([
    [
      'a photo over 5 MB',
      file('fatura-maio.png', 6 * MB, 'image/png'),
      'fatura-maio.png is 6 MB: WhatsApp takes at most 5 MB for a photo.',
    ],
    [
      'a video over 16 MB',
      file('unboxing.mp4', 17 * MB, 'video/mp4'),
      'unboxing.mp4 is 17 MB: WhatsApp takes at most 16 MB for a video.',
    ],
    [
      'a document over 100 MB',
      file('catalogo.pdf', 101 * MB, ''),
      'catalogo.pdf is 101 MB: WhatsApp takes at most 100 MB for a document.',
    ],
    [
      'a GIF',
      file('dance.gif', 2000, 'image/gif'),
      'dance.gif cannot go on WhatsApp (GIF). Send JPEG or PNG photos, MP4 or 3GP videos, AAC, AMR, MP3, M4A or OGG audio, WebP stickers, or PDF, TXT and Office documents.',
    ],
  ])('refuses %s before a byte leaves, naming the file and the limit', async (_what, picked, message) => {
    const id = newId();
    expect(await useStore.getState().attachFile(id, picked)).toBe(false);
    expect(useStore.getState().attachmentErrors[id]).toBe(message);
    expect(useStore.getState().attachments[id]).toBeUndefined();
    expect(testBridge.callsOf('attachment:write')).toEqual([]);
  });

  it('hands a file the browser left untyped to the host in pieces, typed by its name, and shows it ready', async () => {
    const id = newId();
    const seen: number[] = [];
    const off = useStore.subscribe((s) => {
      const staged = s.attachments[id]?.[0]?.stagedBytes;
      if (staged !== undefined && seen.at(-1) !== staged) seen.push(staged);
    });
    const size = 2 * ATTACHMENT_PIECE_BYTES + 1000;
    expect(await useStore.getState().attachFile(id, file('pedido 4471.pdf', size, ''))).toBe(true);
    off();
    const writes = testBridge.callsOf('attachment:write');
    expect(writes.map(([, offset]) => offset)).toEqual([0, ATTACHMENT_PIECE_BYTES, 2 * ATTACHMENT_PIECE_BYTES]);
    expect(new Set(writes.map(([fileId]) => fileId)).size).toBe(1);
    expect(seen).toEqual([0, ATTACHMENT_PIECE_BYTES, 2 * ATTACHMENT_PIECE_BYTES, size]);
    expect(useStore.getState().attachments[id]?.[0]).toMatchObject({
      name: 'pedido 4471.pdf',
      mimeType: 'application/pdf',
      kind: 'document',
      size,
      state: 'ready',
    });
  });

  it('sends the file with the text as its caption, into the outbox, and clears the composer', async () => {
    const id = newId();
    testBridge.answer('reply:send-file', pending);
    await useStore.getState().attachFile(id, file('nota.png', 3000, 'image/png'));
    const { fileId } = useStore.getState().attachments[id]![0]!;
    useStore.getState().setDraft(id, { text: ' Segue a nota fiscal ' });
    expect(await useStore.getState().sendDraft(id)).toBe(true);
    expect(testBridge.callsOf('reply:send-file')).toEqual([
      [
        id,
        {
          type: 'file',
          file: { id: fileId, filename: 'nota.png', mimeType: 'image/png', size: 3000 },
          caption: 'Segue a nota fiscal',
        } satisfies FileReply,
      ],
    ]);
    expect(useStore.getState().attachments[id]).toBeUndefined();
    expect(useStore.getState().drafts[id]?.text).toBe('');
    // Sent, not removed: the host keeps the file for the outbox.
    expect(testBridge.callsOf('attachment:discard')).toEqual([]);
  });

  it('sends the text after an audio file, since WhatsApp shows no caption on audio', async () => {
    const id = newId();
    testBridge.answer('reply:send-file', pending);
    testBridge.answer('reply:send', pending);
    await useStore.getState().attachFile(id, file('instrucoes.mp3', 4000, 'audio/mpeg'));
    useStore.getState().setDraft(id, { text: 'Ouça as instruções' });
    expect(await useStore.getState().sendDraft(id)).toBe(true);
    expect(testBridge.callsOf('reply:send-file')[0]![1]).not.toHaveProperty('caption');
    expect(testBridge.callsOf('reply:send')).toEqual([[id, { type: 'text', body: 'Ouça as instruções' }]]);
  });

  it('a removed file is dropped from the host and cannot be sent', async () => {
    const id = newId();
    await useStore.getState().attachFile(id, file('errado.pdf', 100, 'application/pdf'));
    const { fileId } = useStore.getState().attachments[id]![0]!;
    await useStore.getState().removeAttachment(id, fileId);
    expect(testBridge.callsOf('attachment:discard')).toEqual([[fileId]]);
    expect(await useStore.getState().sendDraft(id)).toBe(false);
    expect(testBridge.callsOf('reply:send-file')).toEqual([]);
  });

  it('several files offered at once go as a reply each, in order, the text as the first caption WhatsApp shows', async () => {
    const id = newId();
    testBridge.answer('reply:send-file', pending);
    await useStore
      .getState()
      .attachFiles(id, [
        file('instrucoes.mp3', 4000, 'audio/mpeg'),
        file('dance.gif', 2000, 'image/gif'),
        file('nota.png', 3000, 'image/png'),
        file('pedido.pdf', 5000, 'application/pdf'),
      ]);
    // The GIF is refused and named; the files after it are attached all the same.
    expect(useStore.getState().attachmentErrors[id]).toMatch(/^dance\.gif cannot go on WhatsApp/);
    expect(useStore.getState().attachments[id]!.map((a) => a.name)).toEqual([
      'instrucoes.mp3',
      'nota.png',
      'pedido.pdf',
    ]);
    useStore.getState().setDraft(id, { text: 'Segue a nota fiscal' });
    expect(await useStore.getState().sendDraft(id)).toBe(true);
    const sent = testBridge.callsOf('reply:send-file').map(([, reply]) => reply as FileReply);
    expect(sent.map((reply) => [reply.file.filename, reply.caption])).toEqual([
      ['instrucoes.mp3', undefined],
      ['nota.png', 'Segue a nota fiscal'],
      ['pedido.pdf', undefined],
    ]);
    expect(testBridge.callsOf('reply:send')).toEqual([]);
    expect(useStore.getState().attachments[id]).toBeUndefined();
  });

  it('a file past the most one reply takes is refused, naming it and the limit', async () => {
    const id = newId();
    const files = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => file(`foto-${i + 1}.jpg`, 100, 'image/jpeg'));
    await useStore.getState().attachFiles(id, files);
    expect(useStore.getState().attachments[id]).toHaveLength(MAX_ATTACHMENTS);
    expect(useStore.getState().attachmentErrors[id]).toBe(
      `foto-${MAX_ATTACHMENTS + 1}.jpg was not attached: a reply takes at most ${MAX_ATTACHMENTS} files. Send these first.`,
    );
  });
});
