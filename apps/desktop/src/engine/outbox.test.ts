import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { openCache } from './db/cache.js';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { recordEngine, tempDir } from './test-support/fixtures.js';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';

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

/**
 * Periodic retries are off unless a test asks for them, so each try counted below is one the test caused. A try
 * waits for its answer as long as the product does (10 s), so a slow answer on a busy machine is not taken for
 * a lost one; the tests that lose answers on purpose shorten it.
 */
function engineOn(cacheFile: string, { outboxRetryMs = 600_000, ackTimeoutMs = 10_000 } = {}) {
  const engine = createSyncEngine({
    serverUrl: proxy.url,
    token: admin,
    cacheFile,
    ackTimeoutMs,
    reconnectDelayMaxMs: 300,
    outboxRetryMs,
  });
  engines.push(engine);
  return { engine, log: recordEngine(engine) };
}

async function customerWrites(waId: string): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'preciso de ajuda' })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

const storedOnServer = (clientMessageId: string) => server.app.models.Message.find({ clientMessageId });
const providerCalls = (messageId: string) =>
  server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

/** Runs a desktop process (a script in test-support) and kills it (SIGKILL) the moment its output matches `moment`. */
async function runThenCrash(script: string, args: string[], moment: RegExp, what: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'test-support', script), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  try {
    return await eventually(async () => moment.exec(output)?.[1], what, 20_000);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

const writeReplyThenCrash = (cacheFile: string, conversationId: string, body: string) =>
  runThenCrash(
    'reply-writer.ts',
    [proxy.url, admin, cacheFile, conversationId, body],
    /stored (\S+)\n/,
    'the child to store the reply',
  );

/** Replies written while offline, round robin over the conversations; returns each conversation's clientMessageIds in writing order. */
async function writeOffline(
  cacheFile: string,
  conversations: ConversationDTO[],
  perConversation: number,
): Promise<Map<string, string[]>> {
  const written = new Map(conversations.map((c) => [c.id, [] as string[]]));
  const cache = await openCache(cacheFile);
  for (let i = 0; i < perConversation; i++) {
    for (const conversation of conversations) {
      const entry = await cache.enqueueOutbox(randomUUID(), conversation.id, {
        type: 'text',
        body: `resposta ${i + 1} para ${conversation.contact.waId}`,
      });
      written.get(conversation.id)!.push(entry.clientMessageId);
    }
  }
  await cache.close();
  return written;
}

/** The agent-written messages of a conversation as the server lists them (the order customers are sent them), by clientMessageId. */
async function serverOrder(conversationId: string): Promise<(string | null)[]> {
  const page = await server.api<Page<MessageDTO>>(
    admin,
    'GET',
    `/api/conversations/${conversationId}/messages?limit=200`,
  );
  return page.body.items.filter((m) => m.direction === 'outbound').map((m) => m.clientMessageId);
}

const allSent = async (engine: SyncEngine, conversationId: string) =>
  (await engine.listOutbox(conversationId)).every((e) => e.state === 'sent');

describe('offline-first replies', () => {
  it('a reply written offline is in the outbox first, survives a killed process, and is delivered exactly once', async () => {
    const conversation = await customerWrites('5511910000001');
    const file = dir.file();
    proxy.cut();
    const clientMessageId = await writeReplyThenCrash(file, conversation.id, 'Já estou verificando').finally(() =>
      proxy.restore(),
    );

    const cache = await openCache(file);
    expect(await cache.listPendingOutbox()).toMatchObject([
      {
        clientMessageId,
        conversationId: conversation.id,
        state: 'pending',
        request: { type: 'text', body: 'Já estou verificando' },
      },
    ]);
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
    expect(
      (await engine.listMessages(conversation.id)).filter((m) => m.clientMessageId === clientMessageId),
    ).toHaveLength(1);
    await engine.stop();
  });

  it('a reply whose answer was lost stays pending and is resent with the same clientMessageId: one message, one call', async () => {
    const conversation = await customerWrites('5511910000002');
    const { engine } = engineOn(dir.file(), { ackTimeoutMs: 1_000 });
    const changes: string[] = [];
    engine.subscribe('outbox-changed', (entry) => changes.push(entry.state));
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.loseAnswers();
    const entry = await engine.sendReply(conversation.id, { type: 'text', body: 'Pedido localizado' });
    expect(entry.state).toBe('pending');
    await eventually(
      async () => (await storedOnServer(entry.clientMessageId)).length === 1,
      'the command to reach the server',
    );
    await eventually(
      async () => (await engine.listOutbox(conversation.id))[0]?.attempts === 1,
      'the first try to be recorded',
    );
    // The ack cannot come back; once the try has ended by its timeout, the reply is still pending, not failed.
    await engine.outboxSettled();
    expect((await engine.listOutbox(conversation.id))[0]).toMatchObject({ state: 'pending', lastError: null });

    proxy.cut();
    await eventually(async () => engine.connection === 'offline', 'the engine to notice it is offline');
    proxy.restore();
    const [sent] = await eventually(
      async () => {
        const entries = await engine.listOutbox(conversation.id);
        return entries[0]?.state === 'sent' && entries;
      },
      'the reply to be confirmed after reconnecting',
      10_000,
    );
    expect(sent!.attempts).toBe(2);
    expect(changes).toEqual(['pending', 'sent']);
    const onServer = await storedOnServer(entry.clientMessageId);
    expect(onServer).toHaveLength(1);
    await eventually(async () => providerCalls(onServer[0]!.id).length === 1, 'one call to WhatsApp');
    await engine.stop();
  });

  it('a reply whose answer was lost is retried while still connected: it does not wait for a reconnect', async () => {
    const conversation = await customerWrites('5511910000004');
    const { engine, log } = engineOn(dir.file(), { outboxRetryMs: 300, ackTimeoutMs: 1_000 });
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.loseAnswers();
    const entry = await engine.sendReply(conversation.id, { type: 'text', body: 'Reembolso aprovado' });
    await eventually(
      async () => (await storedOnServer(entry.clientMessageId)).length === 1,
      'the command to reach the server',
    );
    // Nothing but the periodic retry sends it again: no reconnect, no other reply written.
    await eventually(
      async () => (await engine.listOutbox(conversation.id))[0]!.attempts >= 2,
      'a second try on the same connection',
      10_000,
    );
    proxy.restore();
    await eventually(
      async () => (await engine.listOutbox(conversation.id))[0]?.state === 'sent',
      'the reply to be confirmed by a periodic retry',
      10_000,
    );
    expect(log.states).toEqual(['syncing', 'online']);
    expect(await storedOnServer(entry.clientMessageId)).toHaveLength(1);
    await engine.stop();
  });

  it("each conversation's replies go out in the order written, and one the server refuses (WINDOW_CLOSED) is failed with the server's reason", async () => {
    const open = await customerWrites('5511910000003');
    const closed = await customerWrites('5511910000004');
    await server.app.models.Conversation.updateOne(
      { _id: closed.id },
      { $set: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) } },
    );
    const { engine } = engineOn(dir.file());
    const changes = new Map<string, string[]>([
      [open.id, []],
      [closed.id, []],
    ]);
    engine.subscribe('outbox-changed', (entry) =>
      changes.get(entry.conversationId)?.push(`${'body' in entry.request ? entry.request.body : ''}:${entry.state}`),
    );
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');

    proxy.cut();
    await eventually(async () => engine.connection === 'offline', 'the engine to be offline');
    const first = await engine.sendReply(open.id, { type: 'text', body: 'primeira' });
    const refused = await engine.sendReply(closed.id, { type: 'text', body: 'tarde demais' });
    const third = await engine.sendReply(open.id, { type: 'note', body: 'terceira' });
    await expect(engine.sendReply(open.id, { type: 'text', body: '   ' })).rejects.toThrow(/must not be blank/);
    proxy.restore();

    await eventually(
      async () => (await allSent(engine, open.id)) && (await engine.listOutbox(closed.id))[0]?.state === 'failed',
      'both replies sent, one failed',
      10_000,
    );
    const [failed] = await engine.listOutbox(closed.id);
    expect(failed).toMatchObject({
      clientMessageId: refused.clientMessageId,
      state: 'failed',
      lastError: expect.stringContaining('Send an approved template'),
    });
    expect(changes.get(open.id)).toEqual(['primeira:pending', 'terceira:pending', 'primeira:sent', 'terceira:sent']);
    expect(changes.get(closed.id)).toEqual(['tarde demais:pending', 'tarde demais:failed']);
    expect(await storedOnServer(first.clientMessageId)).toHaveLength(1);
    expect(await storedOnServer(third.clientMessageId)).toHaveLength(1);
    expect(await storedOnServer(refused.clientMessageId)).toHaveLength(0);
    await engine.stop();
  });

  it('replies written offline to several conversations, flushed side by side and cut short by kill -9: each conversation in the order written, each reply stored and sent once', async () => {
    const conversations: ConversationDTO[] = [];
    for (const waId of ['5511910000011', '5511910000012', '5511910000013', '5511910000014'])
      conversations.push(await customerWrites(waId));
    const file = dir.file();
    // Three each: WhatsApp's pair limit lets three through to one customer at once, so none waits 18 s to be sent.
    const written = await writeOffline(file, conversations, 3);

    await runThenCrash(
      'outbox-flusher.ts',
      [proxy.url, admin, file],
      /sent (\S+)\n/,
      'the first reply to be acknowledged',
    );
    const cache = await openCache(file);
    const left = await cache.listPendingOutbox();
    await cache.close();
    expect(left.length).toBeGreaterThan(0);

    // Retried every 300 ms, as a busy server's slow answer would be (every 5 s by default): a retry meeting the
    // first try still in progress on the server must not make a second message either.
    const { engine } = engineOn(file, { outboxRetryMs: 300 });
    await engine.start();
    for (const { id } of conversations)
      await eventually(() => allSent(engine, id), 'every reply to be acknowledged after the restart', 20_000);
    const stored: string[] = [];
    for (const { id } of conversations) {
      expect(await serverOrder(id)).toEqual(written.get(id));
      for (const clientMessageId of written.get(id)!)
        stored.push(...(await storedOnServer(clientMessageId)).map((m) => m.id as string));
    }
    expect(stored).toHaveLength(12);
    await eventually(async () => stored.every((id) => providerCalls(id).length >= 1), 'every reply to reach WhatsApp');
    expect(stored.filter((id) => providerCalls(id).length !== 1)).toEqual([]);
    await engine.stop();
  });

  it('a reply the server cannot take now holds back the later replies of its conversation, and only those', async () => {
    const held = await customerWrites('5511910000021');
    const free = await customerWrites('5511910000022');
    const file = dir.file();
    const written = await writeOffline(file, [held, free], 3);
    // While the customer's record cannot be read, the server answers this conversation's replies INTERNAL: "try again".
    const contact = await server.app.models.Contact.findById(held.contact.id).lean().orFail();
    await server.app.models.Contact.deleteOne({ _id: contact._id });
    const { engine } = engineOn(file, { outboxRetryMs: 300 });
    try {
      await engine.start();
      await eventually(() => allSent(engine, free.id), "the other conversation's replies to be sent");
      await eventually(
        async () => (await engine.listOutbox(held.id))[0]!.attempts >= 3,
        'the first held reply to be tried again, periodically',
        10_000,
      );
      const [first, ...later] = await engine.listOutbox(held.id);
      expect(first).toMatchObject({ clientMessageId: written.get(held.id)![0], state: 'pending', lastError: null });
      expect(later.map((e) => [e.state, e.attempts])).toEqual([
        ['pending', 0],
        ['pending', 0],
      ]);
      expect(await serverOrder(held.id)).toEqual([]);
      expect(await serverOrder(free.id)).toEqual(written.get(free.id));
    } finally {
      await server.app.models.Contact.collection.insertOne(contact);
    }
    await eventually(
      () => allSent(engine, held.id),
      'the held replies to be sent once the server can take them',
      10_000,
    );
    expect(await serverOrder(held.id)).toEqual(written.get(held.id));
    await engine.stop();
  });
});
