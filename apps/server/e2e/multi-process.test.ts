import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { io as connectSocket } from 'socket.io-client';
import type {
  Ack,
  ConversationEventDTO,
  ConversationPresenceDTO,
  MessageDTO,
  QueueStateDTO,
  SyncSinceResult,
} from '@switchboard/shared';
import { createWhatsAppSimulator, envelope, inbound, type WhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import {
  ADMIN,
  TEST_ACCESS_TOKEN,
  TEST_SECRET,
  eventually,
  freshDatabaseName,
  testEnv,
  type ClientSocket,
} from '@switchboard/test-support/harness';
import { createModels, ensureIndexes } from '../src/models/index.js';
import { startRedisServer, type TestRedis } from '@switchboard/test-support/redis';
import {
  kill9,
  killAllServerProcesses,
  postSignedWebhook,
  startServerProcess,
  type ServerProcess,
} from '@switchboard/test-support/server-process';

const NUMBER = '100000000000061';
const dbName = freshDatabaseName();
const db = mongoose.createConnection();

let redis: TestRedis;
let sim: WhatsAppSimulator;
let a: ServerProcess;
let b: ServerProcess;
const sockets: ClientSocket[] = [];

async function call<T>(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await call<{ token: string }>(url, null, 'POST', '/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.body.token;
}

/**
 * An agent's live view, kept the way the desktop engine keeps it: events applied in seq order per
 * conversation, a jump filled with conversation:sync, and anything pushed twice counted.
 */
async function liveView(url: string, token: string) {
  const socket: ClientSocket = connectSocket(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const seen = new Map<string, ConversationEventDTO[]>();
  const view = {
    pushed: [] as ConversationEventDTO[],
    filled: 0,
    duplicates: [] as ConversationEventDTO[],
    seen,
    socket,
  };
  const apply = (event: ConversationEventDTO) => {
    const log = seen.get(event.conversationId) ?? [];
    seen.set(event.conversationId, log);
    if (event.seq === log.length + 1) log.push(event);
    return event.seq <= log.length;
  };
  let filling = Promise.resolve();
  const onEvent = (event: ConversationEventDTO) => {
    view.pushed.push(event);
    if (view.pushed.some((e) => e !== event && e.conversationId === event.conversationId && e.seq === event.seq))
      view.duplicates.push(event);
    if (apply(event)) return;
    filling = filling.then(async () => {
      const log = seen.get(event.conversationId)!;
      const answer = await new Promise<Ack<SyncSinceResult>>((resolve) =>
        socket.emit('conversation:sync', { conversationId: event.conversationId, afterSeq: log.length }, resolve),
      );
      if (!answer.ok) throw new Error(`sync refused: ${answer.error.message}`);
      view.filled += answer.data.events.length;
      for (const missed of answer.data.events) apply(missed);
      apply(event);
    });
  };
  socket.on('conversation:changes', (events) => events.forEach(onEvent));
  return view;
}

type View = Awaited<ReturnType<typeof liveView>>;
const messagesIn = (view: View) =>
  [...view.seen.values()].flat().flatMap((e) => (e.type === 'message:created' ? [e.data as MessageDTO] : []));

beforeAll(async () => {
  redis = await startRedisServer();
  sim = createWhatsAppSimulator({
    appSecret: TEST_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    statusDelaysMs: { sent: 20, delivered: 40, read: 60 },
  });
  const { url: simUrl } = await sim.start(0);
  const env = {
    MONGODB_DB_NAME: dbName,
    REDIS_URL: redis.url,
    // A webhook whose processor died is taken up by the other process this soon.
    INTAKE_LEASE_SECONDS: '5',
    ROUTING_INTERVAL_MS: '500',
    WHATSAPP_API_BASE_URL: simUrl,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    OUTBOX_RETRY_BASE_MS: '50',
  };
  // The database is prepared once, as a deployment's migration step would; then both processes start together.
  await db.openUri(testEnv().MONGODB_URI!, { dbName });
  await ensureIndexes(createModels(db));
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  sim.setWebhookUrl(`${a.url}/webhooks/whatsapp`);
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await killAllServerProcesses();
  await sim?.stop();
  await redis?.stop();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
});

describe('two server processes on one database and one Redis', () => {
  it(
    'share live updates, presence, rate limits and background work, and lose nothing when one is killed mid-burst',
    { timeout: 180_000 },
    async () => {
      const admin = await login(a.url, ADMIN.email, ADMIN.password);
      const channel = await call<{ id: string }>(a.url, admin, 'POST', '/api/channels', {
        phoneNumberId: NUMBER,
        name: 'Support',
      });
      const queue = await call<{ id: string }>(a.url, admin, 'POST', '/api/queues', {
        name: 'Everything',
        fallback: true,
      });
      const user = await call<{ id: string }>(a.url, admin, 'POST', '/api/users', {
        email: 'agent@multi.local',
        name: 'Ana',
        role: 'agent',
        password: 'password-1234',
      });
      expect([channel.status, queue.status, user.status]).toEqual([201, 201, 201]);
      await call(b.url, admin, 'PUT', `/api/channels/${channel.body.id}/members`, { userIds: [user.body.id] });
      await call(b.url, admin, 'PUT', `/api/agents/${user.body.id}/profile`, {
        queueIds: [queue.body.id],
        capacity: 100,
      });
      const agent = await login(b.url, 'agent@multi.local', 'password-1234');

      // The agent's socket is on A; B's view of the queues counts them online (presence lives in the database).
      const onA = await liveView(a.url, agent);
      await eventually(async () => {
        const queues = await call<{ items: QueueStateDTO[] }>(b.url, admin, 'GET', '/api/queues');
        return (
          queues.body.items.find((q) => q.queue.id === queue.body.id)?.agents.find((x) => x.userId === user.body.id)
            ?.status === 'online'
        );
      }, 'B to see the agent connected to A as online');

      // A message whose webhook reached B is pushed to the agent on A: in order, once, and assigned to them.
      const customer = '5511970000001';
      const first = inbound.text({ from: customer, body: 'meu pedido não chegou' });
      expect(await postSignedWebhook(b.url, envelope({ phoneNumberId: NUMBER, messages: [first] }))).toBe(200);
      const created = await eventually(
        async () =>
          onA.pushed.find((e) => e.type === 'message:created' && (e.data as MessageDTO).providerMessageId === first.id),
        'the agent on A to get the message B received',
      );
      const conversationId = created.conversationId;
      await eventually(
        async () =>
          onA.pushed.some(
            (e) =>
              e.type === 'conversation:updated' &&
              e.conversationId === conversationId &&
              e.data.assigneeId === user.body.id,
          ),
        'the conversation to be assigned to the agent',
      );
      const synced = await new Promise<Ack<SyncSinceResult>>((resolve) =>
        onA.socket.emit('conversation:sync', { conversationId, afterSeq: 0 }, resolve),
      );
      if (!synced.ok) throw new Error(synced.error.message);
      await eventually(
        async () => onA.pushed.filter((e) => e.conversationId === conversationId).length >= synced.data.latestSeq,
        'every change of the conversation to be pushed',
      );
      const pushedSeqs = onA.pushed.filter((e) => e.conversationId === conversationId).map((e) => e.seq);
      expect(pushedSeqs).toEqual(Array.from({ length: pushedSeqs.length }, (_, i) => i + 1));
      expect(onA.filled).toBe(0);

      // Replies through A and B to one customer: the socket on B gets A's replies, and the pair limit (3 per
      // 18 s) is one budget for both processes, so only 3 of 4 reach WhatsApp now.
      const onB = await liveView(b.url, agent);
      const replies: MessageDTO[] = [];
      for (const [i, url] of [a.url, b.url, a.url, b.url].entries()) {
        const sent = await call<MessageDTO>(
          url,
          agent,
          'POST',
          `/api/conversations/${conversationId}/messages`,
          { type: 'text', body: `resposta ${i + 1}` },
          { 'idempotency-key': `multi-process-reply-${i}` },
        );
        expect(sent.status, JSON.stringify(sent.body)).toBe(201);
        replies.push(sent.body);
      }
      await eventually(
        async () =>
          replies.every((r) =>
            onB.pushed.some((e) => e.type === 'message:created' && (e.data as MessageDTO).id === r.id),
          ),
        'the socket on B to get every reply',
      );
      const reachedWhatsApp = () =>
        replies.filter((r) => sim.sentMessages.some((m) => m.request.biz_opaque_callback_data === r.id));
      await eventually(async () => reachedWhatsApp().length >= 3, 'three replies to reach WhatsApp');
      const held = replies.find((r) => !reachedWhatsApp().includes(r))!;
      await eventually(async () => {
        const item = await db.collection('outbox').findOne({ _id: new mongoose.Types.ObjectId(held.id) });
        return item?.state === 'pending' && item.attempts >= 1;
      }, 'the fourth reply to be tried and held by the shared limit');
      expect(reachedWhatsApp()).toHaveLength(3);

      // Presence is read from the sockets of both processes: the admin viewing through B sees Ana, on A, come
      // in and write, and the ack on A counts the admin on B.
      const adminOnB = await liveView(b.url, admin);
      let seenOnB: ConversationPresenceDTO | undefined;
      adminOnB.socket.on('conversation:presence', (presence) => (seenOnB = presence));
      const view = (socket: ClientSocket) =>
        new Promise<Ack<ConversationPresenceDTO | null>>((resolve) =>
          socket.emit('conversation:view', { conversationId }, resolve),
        );
      expect(await view(adminOnB.socket)).toMatchObject({ ok: true, data: { typing: [] } });
      const anaViews = await view(onA.socket);
      expect(anaViews.ok && anaViews.data?.viewers.map((v) => v.name).sort()).toEqual(['Administrator', 'Ana']);
      onA.socket.emit('conversation:typing', { conversationId, typing: true });
      await eventually(async () => seenOnB?.typing.some((u) => u.name === 'Ana'), 'B to see Ana on A typing');

      // A burst over both processes; B is killed while it works through its share.
      const burst = Array.from({ length: 30 }, (_, i) =>
        inbound.text({ from: `55119710${String(i).padStart(4, '0')}`, body: `rajada ${i}` }),
      );
      const ackedByB: string[] = [];
      const answers = burst.map(async (message, i) => {
        await new Promise((r) => setTimeout(r, i * 40));
        const target = i % 2 === 0 ? a : b;
        const status = await postSignedWebhook(target.url, envelope({ phoneNumberId: NUMBER, messages: [message] }));
        if (target === b && status === 200) ackedByB.push(message.id);
        return { id: message.id, status };
      });
      await eventually(async () => ackedByB.length >= 5, 'B to acknowledge part of the burst');
      await kill9(b.child);
      const acknowledged = (await Promise.all(answers)).filter((r) => r.status === 200).map((r) => r.id);
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);
      expect(acknowledged.length).toBeLessThan(burst.length);

      const messages = db.collection('messages');
      await eventually(
        async () =>
          (await messages.countDocuments({ providerMessageId: { $in: acknowledged } })) === acknowledged.length,
        'every acknowledged message to be stored (B’s unfinished ones by A, once their lease ran out)',
        60_000,
      );
      const perId = await messages
        .aggregate([
          { $match: { providerMessageId: { $in: acknowledged } } },
          { $group: { _id: '$providerMessageId', n: { $sum: 1 } } },
        ])
        .toArray();
      expect(perId).toHaveLength(acknowledged.length);
      expect(perId.every((row) => row.n === 1)).toBe(true);

      await eventually(
        async () => {
          const missing = acknowledged.filter((id) => !messagesIn(onA).some((m) => m.providerMessageId === id));
          if (missing.length === 0) return true;
          const stored = await messages.find({ providerMessageId: { $in: missing } }).toArray();
          const states = await db
            .collection('conversations')
            .find({ _id: { $in: stored.map((m) => m.conversationId) } })
            .toArray();
          throw new Error(
            JSON.stringify(
              states.map((c) => ({
                routingState: c.routingState,
                assigneeId: c.assigneeId,
                queueId: c.queueId,
                seq: c.seq,
                lastInboundAt: c.lastInboundAt,
                updatedAt: c.updatedAt,
                now: new Date(),
                seen: onA.seen.get(String(c._id))?.length ?? null,
              })),
            ),
          );
        },
        'the agent on A to see every acknowledged message',
        60_000,
      );
      const shown = messagesIn(onA).filter((m) => acknowledged.includes(m.providerMessageId ?? ''));
      expect(shown).toHaveLength(acknowledged.length);
      // A webhook A took over from the dead B has its changes announced again (B may have died before or after
      // pushing them): the only changes pushed twice are in those conversations, and the view drops them by seq.
      const takenOver = new Set(
        messagesIn(onA)
          .filter((m) => ackedByB.includes(m.providerMessageId ?? ''))
          .map((m) => m.conversationId),
      );
      expect(onA.duplicates.filter((e) => !takenOver.has(e.conversationId))).toEqual([]);
    },
  );
});
