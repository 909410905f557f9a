import { afterAll, describe, expect, it } from 'vitest';
import {
  ContactDTO,
  type ConversationDTO,
  type ConversationEventDTO,
  type MessageDTO,
  type QueueStateDTO,
} from '@switchboard/shared';
import { tempDir } from '../test-support/fixtures.js';
import { openCache, type InboxQuery } from './cache.js';

const dir = tempDir();
afterAll(() => dir.remove());

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
const NOW = at(30);
const ME = 'me';

function conversation(id: string, over: Partial<ConversationDTO> = {}): ConversationDTO {
  return {
    id,
    channelId: 'ch',
    status: 'open',
    assigneeId: ME,
    queueId: 'q1',
    routingState: 'assigned',
    waitingReason: null,
    waitingSince: null,
    priority: 'normal',
    intent: null,
    language: null,
    sla: null,
    handoff: null,
    labels: [],
    triage: { secondaryIntent: null, confidence: null, entities: [], correction: null },
    snoozedUntil: null,
    escalatedAt: null,
    seq: 1,
    messageCount: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastInboundAt: null,
    windowExpiresAt: null,
    openedAt: at(0),
    resolvedAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    contact: ContactDTO.parse({
      id: `k-${id}`,
      waId: '5511900000000',
      userId: null,
      profileName: `Contact ${id}`,
      optedOut: false,
      createdAt: at(0),
      updatedAt: at(0),
    }),
    ...over,
  };
}

function message(id: string, conversationId: string, minute: number, direction: MessageDTO['direction']): MessageDTO {
  return {
    id,
    conversationId,
    channelId: 'ch',
    contactId: 'k',
    direction,
    providerMessageId: null,
    content: { type: 'text', body: id },
    context: null,
    referral: null,
    status: 'received',
    statusTimestamps: { sent: null, delivered: null, read: null, failed: null },
    error: null,
    failureReason: null,
    attempts: 0,
    clientMessageId: null,
    authorId: null,
    sentAt: at(minute),
    createdAt: at(minute),
  };
}

const query = (over: Partial<InboxQuery>): InboxQuery => ({
  view: 'mine',
  sort: 'priority',
  userId: ME,
  now: NOW,
  ...over,
});

describe('the inbox views over the cache', () => {
  it('splits conversations into mine, queues, snoozed and resolved, and sorts each as asked', async () => {
    const cache = await openCache(dir.file());
    await cache.upsertConversation(
      conversation('low-soon', {
        priority: 'low',
        sla: { kind: 'first_response', dueAt: at(31) },
        lastMessageAt: at(3),
      }),
      [],
    );
    await cache.upsertConversation(
      conversation('urgent', { priority: 'urgent', lastMessageAt: at(1), windowExpiresAt: at(50) }),
      [],
    );
    await cache.upsertConversation(
      conversation('high-late', {
        priority: 'high',
        sla: { kind: 'first_response', dueAt: at(59) },
        windowExpiresAt: at(40),
      }),
      [],
    );
    await cache.upsertConversation(conversation('someone-else', { assigneeId: 'other' }), []);
    await cache.upsertConversation(
      conversation('waiting', { assigneeId: null, routingState: 'waiting', waitingSince: at(2) }),
      [],
    );
    await cache.upsertConversation(conversation('snoozed', { snoozedUntil: at(45) }), []);
    await cache.upsertConversation(
      conversation('woke-up', { snoozedUntil: at(10), priority: 'low', windowExpiresAt: at(20) }),
      [],
    );
    await cache.upsertConversation(conversation('done', { status: 'resolved' }), []);

    const ids = async (q: Partial<InboxQuery>) => (await cache.listInbox(query(q))).map((c) => c.id);
    expect(await ids({})).toEqual(['urgent', 'high-late', 'low-soon', 'woke-up']);
    expect(await ids({ sort: 'sla' })).toEqual(['low-soon', 'high-late', 'urgent', 'woke-up']);
    // A closed window (woke-up's ended at minute 20) sorts after every open one.
    expect(await ids({ sort: 'window' })).toEqual(['high-late', 'urgent', 'woke-up', 'low-soon']);
    expect(await ids({ sort: 'recent' })).toEqual(['low-soon', 'urgent', 'high-late', 'woke-up']);
    expect(await ids({ view: 'queues' })).toEqual(['waiting']);
    expect(await ids({ view: 'snoozed' })).toEqual(['snoozed']);
    expect(await ids({ view: 'resolved' })).toEqual(['done']);
    expect(await ids({ view: 'all', sort: 'recent' })).toHaveLength(7);
    await cache.close();
  });

  it('searches name, number, preview and labels, and filters by one label', async () => {
    const cache = await openCache(dir.file());
    await cache.upsertConversation(
      conversation('a', { labels: ['refund', 'vip'], lastMessagePreview: 'where is my order?' }),
      [],
    );
    await cache.upsertConversation(
      conversation('b', {
        labels: ['refund_later'],
        contact: { ...conversation('b').contact, profileName: 'Bruna', waId: '5521977770000' },
      }),
      [],
    );
    const ids = async (q: Partial<InboxQuery>) => (await cache.listInbox(query(q))).map((c) => c.id).sort();
    expect(await ids({ search: 'VIP' })).toEqual(['a']);
    expect(await ids({ search: 'bruna' })).toEqual(['b']);
    expect(await ids({ search: '2197777' })).toEqual(['b']);
    expect(await ids({ search: 'my order' })).toEqual(['a']);
    expect(await ids({ search: 'refund' })).toEqual(['a', 'b']);
    expect(await ids({ label: 'refund' })).toEqual(['a']);
    expect(await ids({ search: '_' })).toEqual(['b']);
    await cache.close();
  });

  it("counts unread inbound messages after the read mark or the agent's last reply, and pending replies", async () => {
    const file = dir.file();
    const cache = await openCache(file);
    await cache.upsertConversation(conversation('c1'), [
      message('in1', 'c1', 1, 'inbound'),
      message('out1', 'c1', 2, 'outbound'),
      message('in2', 'c1', 3, 'inbound'),
    ]);
    const unread = async () => (await cache.listInbox(query({})))[0]!;
    expect(await unread()).toMatchObject({ unreadCount: 1, pendingReplies: 0 });
    const created: ConversationEventDTO = {
      id: 'e2',
      conversationId: 'c1',
      seq: 2,
      at: at(4),
      type: 'message:created',
      data: message('in3', 'c1', 4, 'inbound'),
    };
    await cache.applyEvent(created);
    expect((await unread()).unreadCount).toBe(2);
    await cache.markRead('c1');
    await cache.enqueueOutbox('reply-1', 'c1', { type: 'text', body: 'hi' });
    expect(await unread()).toMatchObject({ unreadCount: 0, pendingReplies: 1 });
    await cache.close();
    const reopened = await openCache(file);
    expect((await reopened.listInbox(query({})))[0]).toMatchObject({ unreadCount: 0, pendingReplies: 1 });
    await reopened.close();
  });

  it('a read mark moves only forward, and says when it moved (the lists then show the count gone)', async () => {
    const cache = await openCache(dir.file());
    await cache.upsertConversation(conversation('c1'), [message('in1', 'c1', 1, 'inbound')]);
    expect(await cache.markRead('c1')).toBe(true);
    expect(await cache.markRead('c1')).toBe(false);
    await cache.applyEvent({
      id: 'e2',
      conversationId: 'c1',
      seq: 2,
      at: at(2),
      type: 'message:created',
      data: message('in2', 'c1', 2, 'inbound'),
    });
    expect((await cache.listInbox(query({})))[0]!.unreadCount).toBe(1);
    expect(await cache.markRead('c1')).toBe(true);
    expect((await cache.listInbox(query({})))[0]!.unreadCount).toBe(0);
    await cache.close();
  });

  it('counts the replies refused or not delivered until the agent sends them again or discards them', async () => {
    const cache = await openCache(dir.file());
    const undelivered = (id: string, status: MessageDTO['status']) => ({
      ...message(id, 'c1', 2, 'outbound'),
      status,
    });
    await cache.upsertConversation(conversation('c1'), [
      message('in1', 'c1', 1, 'inbound'),
      undelivered('failed1', 'failed'),
      undelivered('dead1', 'dead'),
      undelivered('sent1', 'delivered'),
    ]);
    const failed = async () => (await cache.listInbox(query({})))[0]!.failedReplies;
    expect(await failed()).toBe(2);
    await cache.enqueueOutbox('refused', 'c1', { type: 'text', body: 'are you there?' });
    await cache.enqueueOutbox('waiting', 'c1', { type: 'text', body: 'hello?' });
    await cache.markOutboxFailed('refused', { code: 'OPTED_OUT', message: 'the customer opted out' });
    expect(await cache.listInbox(query({}))).toMatchObject([{ failedReplies: 3, pendingReplies: 1 }]);

    await cache.discardOutbox('refused');
    await cache.dismissFailure('c1', 'failed1');
    expect(await failed()).toBe(1);
    await cache.dismissFailure('c1', 'dead1', { clientMessageId: 'again', request: { type: 'text', body: 'again' } });
    expect(await cache.listInbox(query({}))).toMatchObject([{ failedReplies: 0, pendingReplies: 2 }]);
    await cache.close();
  });

  it("counts every conversation's unsent replies together, failures of resolved conversations left out", async () => {
    const cache = await openCache(dir.file());
    const undelivered = (id: string, conversationId: string) => ({
      ...message(id, conversationId, 2, 'outbound'),
      status: 'failed' as const,
    });
    await cache.upsertConversation(conversation('mine'), [undelivered('f-mine', 'mine')]);
    await cache.upsertConversation(conversation('theirs', { assigneeId: 'other' }), [
      undelivered('f-theirs', 'theirs'),
    ]);
    await cache.upsertConversation(conversation('done', { status: 'resolved' }), [undelivered('f-done', 'done')]);
    await cache.enqueueOutbox('refused', 'done', { type: 'text', body: 'one more thing' });
    await cache.markOutboxFailed('refused', { code: 'OPTED_OUT', message: 'the customer opted out' });
    await cache.enqueueOutbox('waiting', 'theirs', { type: 'text', body: 'hello?' });
    expect(await cache.replyCounts()).toEqual({ pending: 1, failed: 3 });
    await cache.dismissFailure('theirs', 'f-theirs');
    await cache.discardOutbox('refused');
    expect(await cache.replyCounts()).toEqual({ pending: 1, failed: 1 });
    await cache.close();
  });

  it('keeps the timeline from events, one board sample per queue and minute for an hour, and canned replies', async () => {
    const cache = await openCache(dir.file());
    await cache.upsertConversation(
      conversation('c1', { contact: { ...conversation('c1').contact, id: 'k-shared' } }),
      [],
    );
    await cache.upsertConversation(
      conversation('c0', {
        status: 'resolved',
        openedAt: at(-60),
        contact: { ...conversation('c0').contact, id: 'k-shared' },
      }),
      [],
    );
    const entry = { kind: 'queued' as const, summary: 'Queued in Payments', details: {}, actorId: null };
    expect(
      await cache.applyEvent({
        id: 'e2',
        conversationId: 'c1',
        seq: 2,
        at: at(5),
        type: 'timeline:added',
        data: entry,
      }),
    ).toBe('applied');
    expect(await cache.listTimeline('c1')).toEqual([{ ...entry, seq: 2, at: at(5) }]);
    expect((await cache.contactHistory('k-shared')).map((c) => c.id)).toEqual(['c1', 'c0']);

    const board = (waiting: number): QueueStateDTO[] => [
      {
        queue: {
          id: 'q1',
          name: 'Payments',
          intents: [],
          languages: [],
          mode: 'auto',
          fallback: false,
          businessHours: null,
          maxPerAgent: null,
          outOfHours: { enabled: false, messages: {} },
          createdAt: at(0),
        },
        waiting,
        oldestWaitingSince: null,
        slaAtRisk: 1,
        slaBreached: 0,
        agents: [{ userId: 'u1', name: 'Ana', status: 'online', load: 2, capacity: 3, queueIds: ['q1'] }],
      },
    ];
    const minute = (m: number, s = 0) => new Date(Date.UTC(2026, 0, 1, 12, m, s));
    await cache.recordBoardSample(board(1), minute(0, 5));
    await cache.recordBoardSample(board(4), minute(61, 1));
    await cache.recordBoardSample(board(5), minute(62, 10));
    await cache.recordBoardSample(board(6), minute(62, 50));
    expect(await cache.boardHistory(minute(62, 55))).toEqual([
      { at: minute(61).toISOString(), queueId: 'q1', waiting: 4, slaAtRisk: 1, slaBreached: 0, busyAgents: 1 },
      { at: minute(62).toISOString(), queueId: 'q1', waiting: 6, slaAtRisk: 1, slaBreached: 0, busyAgents: 1 },
    ]);
    const canned = [
      { id: 'r1', scope: 'personal' as const, language: 'en', shortcut: 'ty', title: 'Mine', text: 'Ta!' },
      { id: 'r2', scope: 'shared' as const, language: 'es', shortcut: 'ty', title: 'Gracias', text: '¡Gracias!' },
    ];
    await cache.replaceCanned(canned);
    await cache.replaceCanned(canned.slice(1).concat(canned[0]!));
    expect((await cache.listCanned()).map((r) => r.id)).toEqual(['r2', 'r1']);
    await cache.close();
  });
});
