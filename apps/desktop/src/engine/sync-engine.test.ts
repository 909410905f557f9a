import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { openCache } from './db/cache.js';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { recordEngine, tempDir } from './test-support/fixtures.js';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';

let server: TestServer;
let proxy: TcpProxy;
let admin: string;
const dir = tempDir();
const engines: SyncEngine[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.url);
  admin = await server.login();
});
afterAll(async () => {
  for (const engine of engines) await engine.stop();
  await proxy.close();
  await server.close();
  dir.remove();
});

function engineOn(cacheFile: string, serverUrl = proxy.url) {
  const engine = createSyncEngine({
    serverUrl,
    token: admin,
    cacheFile,
    ackTimeoutMs: 2_000,
    reconnectDelayMaxMs: 300,
  });
  engines.push(engine);
  return { engine, log: recordEngine(engine) };
}

const customerWrites = (waId: string, body: string) =>
  server.deliver(envelope({ messages: [inbound.text({ from: waId, body })] }));

async function serverConversation(waId: string): Promise<ConversationDTO> {
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

/** An address on this machine where nothing listens any more: a port this test opened, then closed. */
async function deadAddress(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The engine's cache holds exactly the server's state of a conversation: its last seq and every message. */
async function matchesServer(engine: SyncEngine, waId: string): Promise<boolean> {
  const conversation = await serverConversation(waId);
  const messages = await server.api<Page<MessageDTO>>(
    admin,
    'GET',
    `/api/conversations/${conversation.id}/messages?limit=200`,
  );
  const cached = (await engine.listConversations()).find((c) => c.id === conversation.id);
  const cachedMessages = await engine.listMessages(conversation.id);
  return (
    cached?.seq === conversation.seq &&
    JSON.stringify(cachedMessages.map((m) => [m.id, m.status])) ===
      JSON.stringify(messages.body.items.map((m) => [m.id, m.status]))
  );
}

const bodies = async (engine: SyncEngine, conversationId: string) =>
  (await engine.listMessages(conversationId)).map((m) => (m.content.type === 'text' ? m.content.body : m.content.type));

describe('the sync engine against a real server', () => {
  it('fills the cache on first start, and a restart shows the cached inbox before the network answers', async () => {
    await customerWrites('5511900000001', 'oi, primeira mensagem');
    await customerWrites('5511900000002', 'hola');
    const file = dir.file();
    const { engine, log } = engineOn(file);
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');
    expect(log.states).toEqual(['syncing', 'online']);
    expect(await matchesServer(engine, '5511900000001')).toBe(true);
    expect(await matchesServer(engine, '5511900000002')).toBe(true);
    await engine.stop();

    // Nothing listens at this address: whatever the restarted engine shows comes from its cache.
    const offline = createSyncEngine({
      serverUrl: 'http://127.0.0.1:9',
      token: admin,
      cacheFile: file,
      reconnectDelayMaxMs: 300,
    });
    engines.push(offline);
    await offline.start();
    const cached = await offline.listConversations();
    expect(cached.map((c) => c.contact.waId)).toEqual(expect.arrayContaining(['5511900000001', '5511900000002']));
    expect(await bodies(offline, cached.find((c) => c.contact.waId === '5511900000001')!.id)).toEqual([
      'oi, primeira mensagem',
    ]);
    expect(offline.connection).toBe('offline');
    await offline.stop();
  });

  it('reading a conversation tells the lists at once, and only when something unread became read', async () => {
    await customerWrites('5511900000007', 'alguém aí?');
    const conversation = await serverConversation('5511900000007');
    const messages = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversation.id}/messages`);
    const file = dir.file();
    const cache = await openCache(file);
    await cache.upsertConversation(conversation, messages.body.items);
    await cache.close();
    // Offline, so that nothing but the read can change the lists.
    const offline = createSyncEngine({ serverUrl: await deadAddress(), token: admin, cacheFile: file });
    engines.push(offline);
    await offline.start();
    let told = 0;
    offline.subscribe('conversations-changed', () => told++);
    await offline.markRead(conversation.id);
    expect(told).toBe(1);
    expect(
      (await offline.listInbox({ view: 'all', sort: 'recent', userId: null, now: new Date().toISOString() }))[0],
    ).toMatchObject({ id: conversation.id, unreadCount: 0 });
    await offline.markRead(conversation.id);
    expect(told).toBe(1);
    await offline.stop();
  });

  it("a customer's WhatsApp message arrives live in the cache, and the UI is told", async () => {
    const { engine, log } = engineOn(dir.file());
    const changed: string[] = [];
    engine.subscribe('messages-changed', (id) => changed.push(id));
    await engine.start();
    await eventually(async () => engine.connection === 'online', 'the engine to be online');
    await customerWrites('5511900000003', 'chegou ao vivo?');
    const conversation = await serverConversation('5511900000003');
    await eventually(
      async () => (await bodies(engine, conversation.id)).includes('chegou ao vivo?'),
      'the message in the cache',
    );
    expect(changed).toContain(conversation.id);
    await eventually(() => matchesServer(engine, '5511900000003'), 'the cache to match the server');
    expect(log.problems).toEqual([]);
    await engine.stop();
  });

  it('a push that never arrived is noticed at the next one, fetched with conversation:sync, and applied in order', async () => {
    const waId = '5511900000004';
    await customerWrites(waId, 'antes');
    const { engine, log } = engineOn(dir.file());
    await engine.start();
    await eventually(
      async () => engine.connection === 'online' && matchesServer(engine, waId),
      'the engine to be in sync',
    );
    const conversation = await serverConversation(waId);

    // Take the engine's socket out of every room: the server's pushes for the next change never reach it.
    const sockets = await server.app.io.fetchSockets();
    expect(sockets).toHaveLength(1);
    const socket = sockets[0]!;
    const rooms = [...socket.rooms].filter((r) => r !== socket.id);
    for (const room of rooms) socket.leave(room);
    await customerWrites(waId, 'perdida');
    expect(await bodies(engine, conversation.id)).not.toContain('perdida');
    socket.join(rooms);

    await customerWrites(waId, 'depois');
    await eventually(async () => (await bodies(engine, conversation.id)).includes('depois'), 'the next push to arrive');
    expect((await bodies(engine, conversation.id)).sort()).toEqual(['antes', 'depois', 'perdida']);
    await eventually(() => matchesServer(engine, waId), 'the cache to match the server');
    expect(log.problems).toEqual([]);
    expect(log.states).toEqual(['syncing', 'online']);
    await engine.stop();
  });

  it('after a lost connection it resynchronises every conversation, and learns of new ones', async () => {
    const known = '5511900000005';
    const fresh = '5511900000006';
    await customerWrites(known, 'um');
    const { engine, log } = engineOn(dir.file());
    await engine.start();
    await eventually(
      async () => engine.connection === 'online' && matchesServer(engine, known),
      'the engine to be in sync',
    );

    proxy.cut();
    await eventually(async () => engine.connection === 'offline', 'the engine to notice it is offline');
    await customerWrites(known, 'dois');
    await customerWrites(known, 'três');
    await customerWrites(fresh, 'sou novo');
    proxy.restore();

    await eventually(async () => engine.connection === 'online', 'the engine to be back online', 10_000);
    await eventually(() => matchesServer(engine, known), 'the known conversation to catch up');
    await eventually(() => matchesServer(engine, fresh), 'the new conversation to be loaded');
    const conversation = await serverConversation(known);
    expect((await bodies(engine, conversation.id)).sort()).toEqual(['dois', 'três', 'um']);
    expect(log.states).toEqual(['syncing', 'online', 'offline', 'syncing', 'online']);
    await engine.stop();
  });
});
