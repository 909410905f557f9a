import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, gradientPng, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { tempDir } from './test-support/fixtures.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let proxy: TcpProxy;
let admin: string;
const dir = tempDir();
const engines: SyncEngine[] = [];
const PHOTO = gradientPng(320, 200, [20, 90, 160], [240, 200, 80]);

beforeAll(async () => {
  server = await startTestServerWithSimulator();
  proxy = await startTcpProxy(server.url);
  admin = await server.login();
});
afterAll(async () => {
  for (const engine of engines) await engine.stop();
  await proxy.close();
  await server.close();
  dir.remove();
});

function engineOn(cacheFile: string) {
  const engine = createSyncEngine({
    serverUrl: proxy.url,
    token: admin,
    cacheFile,
    ackTimeoutMs: 1_000,
    reconnectDelayMaxMs: 300,
    outboxRetryMs: 600_000,
  });
  engines.push(engine);
  return engine;
}

async function customerWrites(waId: string): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'mande a nota fiscal' })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

/** Attaches the photo in two pieces, as the renderer hands it over. */
async function stagePhoto(engine: SyncEngine): Promise<string> {
  const fileId = randomUUID();
  const half = Math.floor(PHOTO.length / 2);
  expect(await engine.stageFile(fileId, 0, PHOTO.subarray(0, half))).toBe(half);
  expect(await engine.stageFile(fileId, half, PHOTO.subarray(half))).toBe(PHOTO.length);
  return fileId;
}

const online = (engine: SyncEngine) => eventually(async () => engine.connection === 'online', 'the engine online');
const offline = (engine: SyncEngine) => eventually(async () => engine.connection === 'offline', 'the engine offline');
const storedOnServer = (clientMessageId: string) => server.app.models.Message.find({ clientMessageId });

describe('file replies in the outbox', () => {
  it('a photo attached offline waits on disk through a restart, then is uploaded and sent exactly once', async () => {
    const conversation = await customerWrites('5511930000001');
    const cacheFile = dir.file();
    const first = engineOn(cacheFile);
    await first.start();
    await online(first);
    proxy.cut();
    await offline(first);

    const fileId = await stagePhoto(first);
    const reply = {
      type: 'file' as const,
      file: { id: fileId, filename: 'nota.png', mimeType: 'image/png', size: PHOTO.length },
      caption: 'Sua nota',
    };
    const entry = await first.sendFile(conversation.id, reply);
    expect(entry).toMatchObject({ state: 'pending', request: reply });
    // A piece that does not follow on is refused, not written into the middle of the file.
    await expect(first.stageFile(randomUUID(), 10, PHOTO.subarray(0, 10))).rejects.toThrow(/does not follow on/);
    await first.stop();

    const filesDir = `${cacheFile}.files`;
    expect(readdirSync(filesDir)).toContain(fileId);
    const second = engineOn(cacheFile);
    await second.start();
    // Only the file a reply needs is kept: the refused piece's file is gone.
    expect(readdirSync(filesDir)).toEqual([fileId]);
    expect(await second.listOutbox(conversation.id)).toMatchObject([
      { clientMessageId: entry.clientMessageId, state: 'pending' },
    ]);

    const progress: number[] = [];
    second.subscribe(
      'upload-progress',
      (p) => p.clientMessageId === entry.clientMessageId && progress.push(p.sentBytes),
    );
    proxy.restore();
    await eventually(
      async () => (await second.listOutbox(conversation.id))[0]?.state === 'sent',
      'the file reply sent once back online',
      15_000,
    );
    expect(progress.at(-1)).toBe(PHOTO.length);
    const uploads = server.sim.uploads.filter((u) => u.filename === 'nota.png');
    expect(uploads).toEqual([expect.objectContaining({ mimeType: 'image/png', size: PHOTO.length })]);
    const [message] = await storedOnServer(entry.clientMessageId);
    await eventually(
      async () =>
        server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === message!.id).length === 1,
      'one send to WhatsApp',
    );
    const sent = server.sim.sentMessages.find((m) => m.request.biz_opaque_callback_data === message!.id)!;
    expect(sent.request).toMatchObject({ type: 'image', image: { id: uploads[0]!.id, caption: 'Sua nota' } });
    expect(existsSync(`${filesDir}/${fileId}`)).toBe(false);
    await second.stop();
  });

  it('an upload whose answer was lost is tried again under the same key: one file at WhatsApp, one message', async () => {
    const conversation = await customerWrites('5511930000002');
    const engine = engineOn(dir.file());
    await engine.start();
    await online(engine);
    const before = server.sim.uploads.length;

    proxy.loseAnswers();
    const fileId = await stagePhoto(engine);
    const entry = await engine.sendFile(conversation.id, {
      type: 'file',
      file: { id: fileId, filename: 'recibo.png', mimeType: 'image/png', size: PHOTO.length },
    });
    await eventually(async () => server.sim.uploads.length === before + 1, 'the upload to reach WhatsApp');
    proxy.cut();
    await offline(engine);
    proxy.restore();
    await eventually(
      async () => (await engine.listOutbox(conversation.id))[0]?.state === 'sent',
      'the reply sent after reconnecting',
      15_000,
    );
    expect(server.sim.uploads.filter((u) => u.filename === 'recibo.png')).toHaveLength(1);
    expect(await storedOnServer(entry.clientMessageId)).toHaveLength(1);
    await engine.stop();
  });
});
