import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWhatsAppSimulator, type WhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import type { CloudApiSendRequest } from './cloud-api.schema.js';
import { createWhatsAppClient, WhatsAppMediaError, type ChannelCredentials } from './whatsapp-client.js';

const TOKEN = 'outbound-test-token';
let sim: WhatsAppSimulator;
let channel: ChannelCredentials;
const client = createWhatsAppClient({ timeoutMs: 5000 });

beforeAll(async () => {
  sim = createWhatsAppSimulator({ appSecret: 'outbound-test-secret', accessToken: TOKEN });
  const { url } = await sim.start(0);
  channel = { baseUrl: url, apiVersion: 'v21.0', phoneNumberId: '106540352242922', accessToken: TOKEN };
});
afterAll(() => sim.stop());
beforeEach(() => sim.faults.clear());

const text = (body = 'Your order ships today.'): CloudApiSendRequest => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '5511987654321',
  type: 'text',
  text: { body },
});

describe('sendMessage', () => {
  it('returns the wamid, and the simulator received exactly the request', async () => {
    const request: CloudApiSendRequest = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14155550123',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '48213' }] }],
      },
      context: { message_id: 'wamid.inbound-1' },
      biz_opaque_callback_data: 'msg_65f0c0ffee',
    };
    const outcome = await client.sendMessage(channel, request);
    const sent = sim.sentMessages.at(-1);
    expect(outcome).toEqual({ ok: true, providerMessageId: sent?.id });
    expect(sent?.request).toEqual(request);
    expect(sent).toMatchObject({ phoneNumberId: channel.phoneNumberId, answered: true });
    expect(sent?.id).toMatch(/^wamid\./);
  });

  it.each([
    [503, 2],
    [500, 1],
  ])('retries an HTTP %i (Graph transient code %i) and counts it as an outage', async (status, code) => {
    sim.faults.set({ httpError: { count: 1, status } });
    const outcome = await client.sendMessage(channel, text());
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'retryable', httpStatus: status, code, outage: true },
    });
  });

  it.each([130429, 131056])('retries throttling code %i without calling it an outage', async (code) => {
    sim.faults.set({ metaError: { count: 1, code } });
    expect(await client.sendMessage(channel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'retryable', code, httpStatus: 400, outage: false },
    });
  });

  it.each([
    [131047, /24 hours.*approved template/],
    [131026, /could not deliver to this number/],
    [132000, /different number of values than it has placeholders/],
    [368, /blocked this business number for a policy violation/],
  ])('fails code %i at once, with a reason the agent can act on', async (code, reason) => {
    sim.faults.set({ metaError: { count: 1, code } });
    const outcome = await client.sendMessage(channel, text());
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'permanent', code, outage: false, reason: expect.stringMatching(reason) },
    });
  });

  it('fails a rejected access token at once as code 190', async () => {
    const outcome = await client.sendMessage({ ...channel, accessToken: 'revoked' }, text());
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 190, httpStatus: 401 } });
  });

  it('makes a dropped connection an unknown outcome: the request had been written when the socket died', async () => {
    sim.faults.set({ dropConnection: { count: 1 } });
    expect(await client.sendMessage(channel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'outcomeUnknown', outage: true },
    });
  });

  it('makes a hang beyond the client timeout an unknown outcome; the simulator did send it, with our callback data', async () => {
    sim.faults.set({ hang: { count: 1, maxMs: 2000 } });
    const impatient = createWhatsAppClient({ timeoutMs: 200 });
    const outcome = await impatient.sendMessage(channel, {
      ...text('Still there?'),
      biz_opaque_callback_data: 'msg_hang',
    });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'outcomeUnknown', title: 'No answer from WhatsApp' } });
    expect(sim.sentMessages.at(-1)).toMatchObject({
      answered: false,
      request: { biz_opaque_callback_data: 'msg_hang' },
    });
  });

  it('refuses an invalid request without calling WhatsApp', async () => {
    const before = sim.sentMessages.length;
    sim.faults.set({ httpError: { count: 1 } });
    const outcome = await client.sendMessage(channel, text(''));
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'permanent', code: null, details: expect.stringContaining('text.body') },
    });
    expect(sim.faults.current.httpError?.count).toBe(1);
    expect(sim.sentMessages.length).toBe(before);
  });
});

describe('sendMessage against answers the simulator never gives', () => {
  let odd: Server;
  let oddChannel: ChannelCredentials;
  const answers: Array<{ status: number; headers?: Record<string, string>; body: string; cut?: boolean }> = [];
  beforeAll(async () => {
    odd = createServer((_req, res) => {
      const next = answers.shift() ?? { status: 500, body: '' };
      res.writeHead(next.status, next.headers);
      if (next.cut) res.write(next.body, () => res.socket?.destroy());
      else res.end(next.body);
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    oddChannel = { ...channel, baseUrl: `http://127.0.0.1:${(odd.address() as AddressInfo).port}` };
  });
  afterAll(() => new Promise((resolve) => odd.close(resolve)));

  it('honours Retry-After on a 429', async () => {
    answers.push({ status: 429, headers: { 'retry-after': '7' }, body: '' });
    expect(await client.sendMessage(oddChannel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'retryable', retryAfterMs: 7000 },
    });
  });

  it("retries a proxy's HTML 502", async () => {
    answers.push({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' });
    expect(await client.sendMessage(oddChannel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'retryable', code: null, details: null },
    });
  });

  it('keeps an error status definitive even when its body is cut off', async () => {
    answers.push({
      status: 400,
      headers: { 'content-type': 'application/json', 'content-length': '500' },
      body: '{"error":',
      cut: true,
    });
    expect(await client.sendMessage(oddChannel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'permanent', httpStatus: 400 },
    });
  });

  it('makes a 200 without a message id an unknown outcome', async () => {
    answers.push({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"messaging_product":"whatsapp"}',
    });
    expect(await client.sendMessage(oddChannel, text())).toMatchObject({
      ok: false,
      failure: { kind: 'outcomeUnknown', httpStatus: 200 },
    });
  });
});

describe('media', () => {
  const bytes = Buffer.from('%PDF-1.7 invoice 48213');

  it('reads the metadata and streams the bytes with their content type', async () => {
    const id = sim.registerMedia({ mimeType: 'application/pdf', bytes });
    const info = await client.fetchMediaInfo(channel, id);
    expect(info).toEqual({
      url: expect.stringContaining(sim.baseUrl),
      mimeType: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileSize: bytes.length,
    });
    const download = await client.downloadMedia(channel, info.url);
    expect(download.contentType).toBe('application/pdf');
    expect(download.contentLength).toBe(bytes.length);
    expect(Buffer.from(await new Response(download.body).arrayBuffer())).toEqual(bytes);
  });

  it('says plainly when the media does not exist', async () => {
    const error = await client.fetchMediaInfo(channel, '999000111').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppMediaError);
    expect(error).toMatchObject({ problem: 'not-found', failure: { kind: 'permanent' } });
  });

  it('says plainly when the token is rejected, for metadata and download', async () => {
    const id = sim.registerMedia({ mimeType: 'image/jpeg', bytes });
    const revoked = { ...channel, accessToken: 'revoked' };
    await expect(client.fetchMediaInfo(revoked, id)).rejects.toMatchObject({
      problem: 'unauthorized',
      failure: { code: 190 },
    });
    const { url } = await client.fetchMediaInfo(channel, id);
    await expect(client.downloadMedia(revoked, url)).rejects.toMatchObject({
      problem: 'unauthorized',
      failure: { code: 190 },
    });
  });

  it('never sends the token in clear text to another host', async () => {
    await expect(client.downloadMedia(channel, 'http://media.example.net/file')).rejects.toThrow(
      /media URLs must be https/,
    );
  });
});
