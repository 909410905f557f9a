import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '../../../server/test-support/harness.js';
import { openCache } from './db/cache.js';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { recordEngine, tempDir } from './test-support/fixtures.js';
import { startTcpProxy, type TcpProxy } from '../../../server/test-support/tcp-proxy.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let proxy: TcpProxy;
let admin: string;
const dir = tempDir();
const engines: SyncEngine[] = [];
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

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

/** Periodic retries are off unless a test asks for them, so each try counted below is one the test caused. */
function engineOn(cacheFile: string, outboxRetryMs = 600_000) {
  const engine = createSyncEngine({ serverUrl: proxy.url, token: admin, cacheFile, ackTimeoutMs: 1_000, reconnectDelayMaxMs: 300, outboxRetryMs });
  engines.push(engine);
  return { engine, log: recordEngine(engine) };
}

async function customerWrites(waId: string): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'preciso de ajuda' })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

const storedOnServer = (clientMessageId: string) => server.app.models.Message.find({ clientMessageId });
const providerCalls = (messageId: string) => server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

/** Runs the reply-writing desktop process and kills it (SIGKILL) the moment it says the reply is stored. */
async function writeReplyThenCrash(cacheFile: string, conversationId: string, body: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'test-support/reply-writer.ts'), proxy.url, admin, cacheFile, conversationId, body], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  try {
    return await eventually(async () => /stored (\S+)\n/.exec(output)?.[1], 'the child to store the reply', 20_000);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

describe('offline-first replies', () => {
  it('a reply written offline is in the outbox first, survives a killed process, and is delivered exactly once', async () => {
    const conversation = await customerWrites('5511910000001');
    const file = dir.file();
    proxy.cut();
    const clientMessageId = await writeReplyThenCrash(file, conversation.id, 'Já estou verificando').finally(() => proxy.restore());

    const cache = await openCache(file);
    expect(await cache.listPendingOutbox()).toMatchObject([{ clientMessageId, conversationId: conversation.id, state: 'pending', request: { type: 'text', body: 'Já estou verificando' } }]);
    await cache.close();
    expect(await storedOnServer(clientMessageId)).toHaveLength(0);

    const { engine } = engineOn(file);
    await engine.start();
    const [sent] = await eventually(async () => {
      const entries = await engine.listOutbox(conversation.id);
      return entries[0]?.state === 'sent' && entries;
    }, 'the reply to be sent after the restart');
    expect(sent).toMatchObject({ clientMessageId, attempts: 1 });
    const onServer = await storedOnServer(clientMessageId);
    expect(onServer).toHaveLength(1);
    await eventually(async () => providerCalls(onServer[0]!.id).length === 1, 'one call to WhatsApp');
    expect((await engine.listMessages(conversation.id)).filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);
    await engine.stop();
  });

  it('a reply whose answer was lost stays pending and is resent with the same clientMessageId: one message, one call', async () => {
    const conversation = await customerWrites('5511910000002');
    const { engine } = engineOn(dir.file());
    const changes: string[] = [];
    engine.subscribe('outbox-changed', (entry) => changes.push(entry.state));
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.loseAnswers();
    const entry = await engine.sendReply(conversation.id, { type: 'text', body: 'Pedido localizado' });
    expect(entry.state).toBe('pending');
    await eventually(async () => (await storedOnServer(entry.clientMessageId)).length === 1, 'the command to reach the server');
    await eventually(async () => (await engine.listOutbox(conversation.id))[0]?.attempts === 1, 'the first try to be recorded');
    // The ack cannot come back; after the timeout the reply is still pending, not failed.
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await engine.listOutbox(conversation.id))[0]).toMatchObject({ state: 'pending', lastError: null });

    proxy.cut();
    await eventually(async () => engine.connection === 'offline', 'the engine to notice it is offline');
    proxy.restore();
    const [sent] = await eventually(async () => {
      const entries = await engine.listOutbox(conversation.id);
      return entries[0]?.state === 'sent' && entries;
    }, 'the reply to be confirmed after reconnecting', 10_000);
    expect(sent!.attempts).toBe(2);
    expect(changes).toEqual(['pending', 'sent']);
    const onServer = await storedOnServer(entry.clientMessageId);
    expect(onServer).toHaveLength(1);
    await eventually(async () => providerCalls(onServer[0]!.id).length === 1, 'one call to WhatsApp');
    await engine.stop();
  });

  it('a reply whose answer was lost is retried while still connected: it does not wait for a reconnect', async () => {
    const conversation = await customerWrites('5511910000004');
    const { engine, log } = engineOn(dir.file(), 300);
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.loseAnswers();
    const entry = await engine.sendReply(conversation.id, { type: 'text', body: 'Reembolso aprovado' });
    await eventually(async () => (await storedOnServer(entry.clientMessageId)).length === 1, 'the command to reach the server');
    // Nothing but the periodic retry sends it again: no reconnect, no other reply written.
    await eventually(async () => (await engine.listOutbox(conversation.id))[0]!.attempts >= 2, 'a second try on the same connection', 10_000);
    proxy.restore();
    await eventually(async () => (await engine.listOutbox(conversation.id))[0]?.state === 'sent', 'the reply to be confirmed by a periodic retry', 10_000);
    expect(log.states).toEqual(['syncing', 'online']);
    expect(await storedOnServer(entry.clientMessageId)).toHaveLength(1);
    await engine.stop();
  });

  it("replies go out in the order written, and one the server refuses (WINDOW_CLOSED) is failed with the server's reason", async () => {
    const open = await customerWrites('5511910000003');
    const closed = await customerWrites('5511910000004');
    await server.app.models.Conversation.updateOne({ _id: closed.id }, { $set: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) } });
    const { engine } = engineOn(dir.file());
    const changes: string[] = [];
    engine.subscribe('outbox-changed', (entry) => changes.push(`${entry.request.type === 'template' ? '' : entry.request.body}:${entry.state}`));
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.cut();
    await eventually(async () => engine.connection === 'offline', 'the engine to be offline');
    const first = await engine.sendReply(open.id, { type: 'text', body: 'primeira' });
    const refused = await engine.sendReply(closed.id, { type: 'text', body: 'tarde demais' });
    const third = await engine.sendReply(open.id, { type: 'note', body: 'terceira' });
    await expect(engine.sendReply(open.id, { type: 'text', body: '   ' })).rejects.toThrow(/must not be blank/);
    proxy.restore();

    await eventually(async () => (await engine.listOutbox(open.id)).every((e) => e.state === 'sent'), 'both replies to be sent', 10_000);
    const [failed] = await engine.listOutbox(closed.id);
    expect(failed).toMatchObject({ clientMessageId: refused.clientMessageId, state: 'failed', lastError: expect.stringContaining('Send an approved template') });
    expect(changes).toEqual([
      'primeira:pending', 'tarde demais:pending', 'terceira:pending',
      'primeira:sent', 'tarde demais:failed', 'terceira:sent',
    ]);
    expect(await storedOnServer(first.clientMessageId)).toHaveLength(1);
    expect(await storedOnServer(third.clientMessageId)).toHaveLength(1);
    expect(await storedOnServer(refused.clientMessageId)).toHaveLength(0);
    await engine.stop();
  });
});
