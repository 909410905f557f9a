import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import type { InboxNotification } from '../contract/inbox-api.js';
import { tempDir } from '../engine/test-support/fixtures.js';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';
import { createInboxService, type InboxService } from './inbox-service.js';
import { recordService } from './test-support/service-client.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let proxy: TcpProxy;
let admin: string;
const dir = tempDir();
const services: InboxService[] = [];
const PASSWORD = 'password-1234';
const people = {
  agent: { id: '', email: 'ana.agent@test.local' },
  supervisor: { id: '', email: 'sam.supervisor@test.local' },
};
let queueId: string;

beforeAll(async () => {
  server = await startTestServerWithSimulator();
  proxy = await startTcpProxy(server.url);
  admin = await server.login();
  queueId = (
    await server.api<{ id: string }>(admin, 'POST', '/api/queues', {
      name: 'Payments',
      intents: ['payment_issue'],
      mode: 'manual',
    })
  ).body.id;
  for (const [role, person] of Object.entries(people)) {
    const created = await server.api<{ id: string }>(admin, 'POST', '/api/users', {
      email: person.email,
      name: `Test ${role}`,
      role,
      password: PASSWORD,
    });
    person.id = created.body.id;
  }
  await server.api(admin, 'PUT', `/api/agents/${people.agent.id}/profile`, { queueIds: [queueId], capacity: 5 });
});
afterAll(async () => {
  for (const service of services) await service.stop();
  await proxy.close();
  await server.close();
  dir.remove();
});

function serviceIn(dataDir: string) {
  const service = createInboxService({
    dataDir,
    mediaUrl: (id) => `/media/${id}`,
    engine: { ackTimeoutMs: 2_000, reconnectDelayMaxMs: 300, outboxRetryMs: 500 },
  });
  services.push(service);
  return recordService(service);
}

async function customerWrites(waId: string, body: string): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body, name: 'Carla Cliente' })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

describe('the inbox service (the host side of the contract) against a real server', () => {
  it('checks every argument with the contract before acting, and wants a session for the inbox', async () => {
    const { service } = serviceIn(dir.file('data'));
    const login = await service.invoke('session:login', [{ serverUrl: 'not a url', email: 'a@b.c', password: 'x' }]);
    expect(login).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('serverUrl') },
    });
    expect(await service.invoke('inbox:list', [{ view: 'everything' }])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('view') },
    });
    expect(await service.invoke('thread:get', ['not-an-id'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('argument 1') },
    });
    expect(await service.invoke('conversation:act', ['0123456789abcdef01234567', { type: 'snooze' }])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await service.invoke('files:delete', [])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('files:delete') },
    });
    expect(await service.invoke('inbox:list', [{ view: 'mine' }])).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const wrong = await service.invoke('session:login', [
      { serverUrl: server.url, email: people.agent.email, password: 'wrong-password' },
    ]);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a supervisor assigns a new customer conversation; the agent is notified, reads it, acts on it and replies', async () => {
    const supervisor = serviceIn(dir.file('data'));
    const agent = serviceIn(dir.file('data'));
    expect(
      await supervisor.call('session:login', {
        serverUrl: server.url,
        email: people.supervisor.email,
        password: PASSWORD,
      }),
    ).toMatchObject({
      user: { email: people.supervisor.email, role: 'supervisor' },
      serverUrl: server.url,
    });
    await agent.call('session:login', { serverUrl: server.url, email: people.agent.email, password: PASSWORD });
    await eventually(async () => (await agent.call('session:get')).connection === 'online', 'the agent to be online');

    const conversation = await customerWrites('5511920000001', 'meu pagamento falhou');
    await eventually(
      async () => (await supervisor.call('inbox:list', { view: 'all' })).some((c) => c.id === conversation.id),
      'the supervisor to see it',
    );
    const assigned = await supervisor.call('conversation:act', conversation.id, {
      type: 'assign',
      userId: people.agent.id,
    });
    expect(assigned.assigneeId).toBe(people.agent.id);

    const notification = await eventually(
      async () => agent.pushes.find((p) => p.push === 'notification')?.payload[0] as InboxNotification | undefined,
      'the agent to be notified',
    );
    expect(notification).toMatchObject({
      kind: 'assigned',
      conversationId: conversation.id,
      title: expect.stringContaining('Carla Cliente'),
      contactName: 'Carla Cliente',
    });
    const [mine] = await eventually(async () => {
      const list = await agent.call('inbox:list', { view: 'mine' });
      return list.length === 1 && list;
    }, "the conversation in the agent's own list");
    expect(mine).toMatchObject({ id: conversation.id, unreadCount: 1, pendingReplies: 0 });
    // What the tray, the dock badge and the window title count.
    expect(await agent.call('inbox:unread')).toBe(1);
    await agent.call('conversation:read', conversation.id);
    expect((await agent.call('inbox:list', { view: 'mine' }))[0]!.unreadCount).toBe(0);
    expect(await agent.call('inbox:unread')).toBe(0);

    const labelled = await agent.call('conversation:act', conversation.id, {
      type: 'labels',
      labels: ['payment', 'vip'],
    });
    expect(labelled.labels).toEqual(['payment', 'vip']);
    // The action's effect reaches the cache through the change log, so search finds it at once.
    expect((await agent.call('inbox:list', { view: 'mine', search: 'vip' })).map((c) => c.id)).toEqual([
      conversation.id,
    ]);
    expect((await agent.call('timeline:get', conversation.id)).map((t) => t.kind)).toContain('transferred');

    const reply = await agent.call('reply:send', conversation.id, { type: 'text', body: 'Vou verificar agora mesmo' });
    expect(reply).toMatchObject({ state: 'pending', conversationId: conversation.id });
    const thread = await eventually(async () => {
      const t = await agent.call('thread:get', conversation.id);
      return t.messages.some((m) => m.clientMessageId === reply.clientMessageId && m.status === 'read') && t;
    }, 'the reply to be read by the customer');
    expect(thread.pending).toEqual([]);
    expect(await agent.call('replies:counts')).toEqual({ pending: 0, failed: 0 });
    expect(agent.pushes.some((p) => p.push === 'thread-changed' && p.payload[0] === conversation.id)).toBe(true);

    const shared = await server.api(admin, 'POST', '/api/canned-replies', {
      scope: 'shared',
      shortcut: 'obrigado',
      text: 'Obrigado, {{contact.first_name}}!',
      language: 'pt',
    });
    expect(shared.status).toBe(201);
    expect(await agent.call('canned:list')).toEqual([
      expect.objectContaining({ scope: 'shared', language: 'pt', shortcut: 'obrigado' }),
    ]);
    expect(Array.isArray(await agent.call('templates:list'))).toBe(true);
    expect(await agent.call('media:url', '0123456789abcdef01234567')).toBe('/media/0123456789abcdef01234567');
    expect(await agent.service.invoke('board:get', [])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const board = await supervisor.call('board:get');
    expect(board.map((s) => s.queue.name)).toContain('Payments');
    expect((await supervisor.call('board:history')).map((s) => s.queueId)).toContain(queueId);
    expect((await supervisor.call('agents:list')).map((u) => u.id)).toContain(people.agent.id);
    expect(await supervisor.call('dead-letters:list')).toEqual([]);
    expect(await supervisor.call('intake-dead-letters:list')).toEqual([]);
    expect(await supervisor.call('intake-dead-letters:replay-all')).toEqual({ replayed: 0, failed: 0, items: [] });
    expect(await agent.service.invoke('intake-dead-letters:list', [])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const resolved = await agent.call('conversation:act', conversation.id, { type: 'resolve' });
    expect(resolved.status).toBe('resolved');
    expect((await agent.call('inbox:list', { view: 'resolved' })).map((c) => c.id)).toEqual([conversation.id]);
    expect((await agent.call('contact:history', conversation.contact.id)).map((c) => c.id)).toEqual([conversation.id]);
  });

  it("an agent's wider view, a channel they belong to, is caught up when opened rather than pushed live", async () => {
    const first = await customerWrites('5511920000002', 'oi, tudo bem?');
    const channel = (await server.api<{ items: { id: string }[] }>(admin, 'GET', '/api/channels')).body.items.find(
      (c) => c.id === first.channelId,
    )!;
    const member = await server.api<{ id: string }>(admin, 'POST', '/api/users', {
      email: 'mia.member@test.local',
      name: 'Mia Member',
      role: 'agent',
      password: PASSWORD,
    });
    await server.api(admin, 'PUT', `/api/channels/${channel.id}/members`, { userIds: [member.body.id] });
    const agent = serviceIn(dir.file('member'));
    await agent.call('session:login', { serverUrl: server.url, email: 'mia.member@test.local', password: PASSWORD });
    await eventually(async () => (await agent.call('session:get')).connection === 'online', 'the member to be online');
    expect(await agent.call('conversation:get', first.id)).toMatchObject({ lastMessagePreview: 'oi, tudo bem?' });

    await customerWrites('5511920000002', 'ainda estou esperando');
    const updated = await eventually(async () => {
      const list = await agent.call('inbox:list', { view: 'all' });
      return list.find((c) => c.id === first.id && c.lastMessagePreview === 'ainda estou esperando');
    }, 'the wider list, once opened, to catch up');
    expect(updated.messageCount).toBe(2);
    await eventually(
      async () => (await agent.call('thread:get', first.id)).messages.length === 2,
      'the thread to hold both messages',
    );
  });

  it('a restart shows the cached inbox before the network answers, and signing out forgets the session', async () => {
    const dataDir = dir.file('data');
    const first = serviceIn(dataDir);
    await first.call('session:login', { serverUrl: proxy.url, email: people.supervisor.email, password: PASSWORD });
    const conversation = await customerWrites('5511920000002', 'alguém aí?');
    await eventually(
      async () => (await first.call('inbox:list', { view: 'all' })).some((c) => c.id === conversation.id),
      'the conversation in the cache',
    );
    await first.service.stop();

    proxy.cut();
    const second = serviceIn(dataDir);
    await second.service.start();
    expect(await second.call('session:get')).toMatchObject({
      user: { email: people.supervisor.email },
      connection: 'offline',
    });
    expect((await second.call('inbox:list', { view: 'all' })).map((c) => c.id)).toContain(conversation.id);
    expect(await second.service.invoke('conversation:act', [conversation.id, { type: 'claim' }])).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    proxy.restore();
    await eventually(
      async () => second.pushes.some((p) => p.push === 'connection-changed' && p.payload[0] === 'online'),
      'the restarted service to be online',
      10_000,
    );

    expect(await second.call('session:logout')).toEqual({ user: null, serverUrl: null, connection: 'offline' });
    const third = serviceIn(dataDir);
    await third.service.start();
    expect((await third.call('session:get')).user).toBeNull();
  });

  it("saves the agent's language on the server, and picks up one chosen on another machine when it reconnects", async () => {
    const dataDir = dir.file('locale');
    const here = serviceIn(dataDir);
    await here.call('session:login', { serverUrl: proxy.url, email: people.agent.email, password: PASSWORD });
    expect(await here.service.invoke('session:set-locale', ['fr'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('argument 1') },
    });
    expect((await here.call('session:set-locale', 'es')).user?.locale).toBe('es');
    const token = await server.login(people.agent.email, PASSWORD);
    expect((await server.api<{ locale: string }>(token, 'GET', '/api/me')).body.locale).toBe('es');
    await here.service.stop();

    // On another machine the agent switches to Portuguese; this one, started again, follows once online.
    await server.api(token, 'PATCH', '/api/me', { locale: 'pt' });
    const again = serviceIn(dataDir);
    await again.service.start();
    const pushedPortuguese = () =>
      again.pushes.some((p) => p.push === 'session-changed' && JSON.stringify(p.payload).includes('"locale":"pt"'));
    await eventually(async () => pushedPortuguese(), 'the choice made elsewhere to reach the renderer');
    expect((await again.call('session:get')).user?.locale).toBe('pt');
    await again.service.stop();
    const later = serviceIn(dataDir);
    // Offline, it starts in the language it last heard from the server.
    proxy.cut();
    try {
      await later.service.start();
      expect((await later.call('session:get')).user?.locale).toBe('pt');
    } finally {
      proxy.restore();
    }
  });

  it('edits, finds and merges contacts on the server, answering a refusal with the fields at fault', async () => {
    const { call, service } = serviceIn(dir.file('contacts'));
    await call('session:login', { serverUrl: server.url, email: people.supervisor.email, password: PASSWORD });
    const kept = await customerWrites('5511920000031', 'oi, sou a Bia');
    const other = await customerWrites('5511920000032', 'oi, sou a Bia de novo');

    // The host checks the edit with the shared schema before the server sees it.
    expect(await service.invoke('contact:update', [kept.contact.id, { email: 'bia at work' }])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('email') },
    });
    const edited = await call('contact:update', kept.contact.id, { name: 'Bia Lima', tier: 'vip' });
    expect(edited).toMatchObject({ ok: true, body: { name: 'Bia Lima', tier: 'vip' } });
    const [change] = await call('contact:changes', kept.contact.id);
    expect(change).toMatchObject({ kind: 'edited', actor: { name: 'Test supervisor' } });
    expect(change!.changes.map((c) => c.field).sort()).toEqual(['name', 'tier']);

    const found = await call('contacts:search', { q: '920000032' });
    expect(found.map((c) => c.id)).toEqual([other.contact.id]);
    // Both have an open conversation on one number: the server refuses, naming the field.
    const refused = await call('contact:merge', kept.contact.id, { sourceId: other.contact.id });
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'CONFLICT', issues: [{ path: 'body.sourceId' }] });
    await server.api(admin, 'POST', `/api/conversations/${other.id}/resolve`);
    const merged = await call('contact:merge', kept.contact.id, { sourceId: other.contact.id });
    expect(merged).toMatchObject({ ok: true, body: { id: kept.contact.id, otherWaIds: ['5511920000032'] } });
    await service.stop();
  });
});
