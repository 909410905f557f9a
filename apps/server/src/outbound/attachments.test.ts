import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradientPng } from '@switchboard/whatsapp-simulator';
import type { ApiErrorResponse, MessageDTO, Page, UploadDTO } from '@switchboard/shared';
import { actionKit } from '@switchboard/test-support/action-kit';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
let kit: ReturnType<typeof actionKit>;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  kit = actionKit(server);
});
afterAll(() => server.close());

const photo = gradientPng(16, 16, [20, 90, 200], [250, 250, 255]);

async function upload(
  conversationId: string,
  key: string,
  body: Uint8Array,
  headers: Record<string, string> = { 'content-type': 'image/png' },
) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'idempotency-key': key, ...headers },
    body: Buffer.from(body),
  });
  return { status: res.status, body: (await res.json()) as UploadDTO & ApiErrorResponse };
}

async function send(conversationId: string, key: string, body: unknown) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as MessageDTO & ApiErrorResponse };
}

const sentFor = (messageId: string) =>
  server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

describe('attachments', () => {
  it('uploads a photo to the media endpoint, sends it by media id, and serves it back in the thread', async () => {
    const conversationId = await kit.customer('5215510000001', 'me mandas el recibo?');
    const uploaded = await upload(conversationId, 'upload-photo-1', photo, {
      'content-type': 'image/png',
      'x-filename': encodeURIComponent('recibo marzo.png'),
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ kind: 'image', mimeType: 'image/png', size: photo.length });
    const atMeta = server.sim.uploads.at(-1)!;
    expect(atMeta).toMatchObject({ mimeType: 'image/png', filename: 'recibo marzo.png', size: photo.length });

    const sent = await send(conversationId, 'send-photo-1', {
      type: 'media',
      uploadId: uploaded.body.id,
      caption: 'Aquí está tu recibo',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.content).toMatchObject({ type: 'image', mediaId: atMeta.id, caption: 'Aquí está tu recibo' });
    await eventually(async () => sentFor(sent.body.id).length === 1, 'the photo to reach WhatsApp');
    expect(sentFor(sent.body.id)[0]!.request).toMatchObject({
      type: 'image',
      to: '5215510000001',
      image: { id: atMeta.id, caption: 'Aquí está tu recibo' },
    });

    const media = await fetch(`${server.url}/api/messages/${sent.body.id}/media`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('the same upload key twice is one upload at WhatsApp', async () => {
    const conversationId = await kit.customer('5215510000002');
    const before = server.sim.uploads.length;
    const first = await upload(conversationId, 'upload-twice-1', photo);
    const second = await upload(conversationId, 'upload-twice-1', photo);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    expect(server.sim.uploads.length).toBe(before + 1);
  });

  it('sends a document with its file name', async () => {
    const conversationId = await kit.customer('5215510000003');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const uploaded = await upload(conversationId, 'upload-pdf-1', pdf, {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('Factura 4411.pdf'),
    });
    expect(uploaded.body.kind).toBe('document');
    const sent = await send(conversationId, 'send-pdf-1', { type: 'media', uploadId: uploaded.body.id });
    await eventually(async () => sentFor(sent.body.id).length === 1, 'the document to reach WhatsApp');
    expect(sentFor(sent.body.id)[0]!.request).toMatchObject({
      type: 'document',
      document: { filename: 'Factura 4411.pdf' },
    });
    expect(sent.body.content).toMatchObject({ type: 'document', filename: 'Factura 4411.pdf', size: pdf.length });
  });

  it('refuses a file over its kind limit before anything reaches WhatsApp, saying the limit', async () => {
    const conversationId = await kit.customer('5215510000004');
    const before = server.sim.uploads.length;
    const tooBig = new Uint8Array(5 * 1024 * 1024 + 1);
    const refused = await upload(conversationId, 'upload-big-1', tooBig, { 'content-type': 'image/jpeg' });
    expect(refused.status).toBe(413);
    expect((refused.body as ApiErrorResponse).error.message).toMatch(/at most 5 MB for a image/);
    expect(server.sim.uploads.length).toBe(before);
  });

  it('refuses a type WhatsApp does not take, naming the header', async () => {
    const conversationId = await kit.customer('5215510000005');
    const refused = await upload(conversationId, 'upload-gif-1', Buffer.from('GIF89a'), {
      'content-type': 'image/gif',
    });
    expect(refused.status).toBe(400);
    expect(kit.issuesOf(refused.body)).toEqual([
      { path: 'headers.content-type', message: expect.stringMatching(/does not accept image\/gif/) },
    ]);
  });

  it('refuses a caption on audio, and an upload of another conversation', async () => {
    const one = await kit.customer('5215510000006');
    const other = await kit.customer('5215510000007');
    const audio = await upload(one, 'upload-audio-1', Buffer.from('ID3 fake mp3 bytes'), {
      'content-type': 'audio/mpeg',
    });
    expect(audio.status).toBe(201);
    const captioned = await send(one, 'send-audio-1', { type: 'media', uploadId: audio.body.id, caption: 'hola' });
    expect(captioned.status).toBe(400);
    expect(kit.issuesOf(captioned.body)[0]?.path).toBe('body.caption');
    const elsewhere = await send(other, 'send-audio-2', { type: 'media', uploadId: audio.body.id });
    expect(elsewhere.status).toBe(400);
    expect(kit.issuesOf(elsewhere.body)[0]?.path).toBe('body.uploadId');
    const page = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${other}/messages`);
    expect(page.body.items.filter((m) => m.direction === 'outbound')).toEqual([]);
  });
});
