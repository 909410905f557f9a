import { afterEach, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, QueueDTO, SlaAlert, TimelineEntryDTO } from '@switchboard/shared';
import {
  eventually,
  startPeerApp,
  startTestServer,
  type PeerApp,
  type TestServer,
} from '@switchboard/test-support/harness';

let server: TestServer;
afterEach(() => server?.close());

const FAST = { ROUTING_INTERVAL_MS: '100', SLA_CHECK_INTERVAL_MS: '100' };

async function setup(
  queueBody: Record<string, unknown> = { name: 'Support', fallback: true },
  env: Record<string, string> = {},
) {
  server = await startTestServer({ ...FAST, ...env });
  const admin = await server.login();
  const queue = (await server.api<QueueDTO>(admin, 'POST', '/api/queues', queueBody)).body;
  return { admin, queue };
}

async function onlineAgent(admin: string, queueId: string) {
  const agent = await server.userWith('agent');
  await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queueId], capacity: 5 });
  const socket = await server.connectSocket(agent.token);
  await server.untilOnline(agent.id);
  const alerts: SlaAlert[] = [];
  socket.on('sla:alert', (a) => alerts.push(a));
  return { ...agent, alerts };
}

async function customer(waId: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'preciso de ajuda' })] }));
  const contact = await server.app.models.Contact.findOne({ waId }).orFail();
  return server.app.models.Conversation.findOne({ contactId: contact._id, status: 'open' }).orFail();
}

/** Moves the customer's first message `minutes` into the past, as if they had waited that long. */
async function backdate(app: PeerApp, conversationId: string, minutes: number) {
  const at = new Date(Date.now() - minutes * 60_000);
  await app.models.Conversation.updateOne(
    { _id: conversationId },
    { $set: { openedAt: at, lastInboundAt: at, firstUnansweredAt: at } },
  );
  await app.services.sla.sync((await app.models.Conversation.findById(conversationId).orFail())._id);
}

const timelineOf = async (admin: string, id: string) =>
  (await server.api<{ items: TimelineEntryDTO[] }>(admin, 'GET', `/api/conversations/${id}/timeline`)).body.items;

describe('SLA timers', () => {
  it('warn before the deadline, then on breach climb the escalation ladder, each step acting and in the timeline', async () => {
    const { admin, queue } = await setup();
    const agent = await onlineAgent(admin, queue.id);
    const supervisor = await server.userWith('supervisor');
    const supervisorAlerts: SlaAlert[] = [];
    (await server.connectSocket(supervisor.token)).on('sla:alert', (a) => supervisorAlerts.push(a));
    const conversation = await customer('5511944449001');
    // The SLA follower starts the timers after the message is stored, and writes them on the conversation then.
    await eventually(
      async () =>
        (await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`)).body.sla?.kind ===
        'first_response',
      'the conversation to show its first-response target',
    );

    await backdate(server.app, conversation.id, 50);
    await eventually(
      async () => agent.alerts.some((a) => a.level === 'warning' && a.kind === 'first_response'),
      'the agent to be warned',
    );
    const warning = await eventually(
      async () => (await timelineOf(admin, conversation.id)).find((t) => t.kind === 'sla-warning'),
      'the warning in the timeline',
    );
    expect(warning.summary).toMatch(/First response due in 10 min/);

    const atRiskIn = async () =>
      (
        await server.api<{ items: { queue: { id: string }; slaAtRisk: number }[] }>(
          supervisor.token,
          'GET',
          '/api/queues',
        )
      ).body.items.find((q) => q.queue.id === queue.id)?.slaAtRisk;
    await eventually(async () => (await atRiskIn()) === 1, 'the queue to show one SLA at risk');

    await backdate(server.app, conversation.id, 80);
    await eventually(
      async () => (await timelineOf(admin, conversation.id)).filter((t) => t.kind === 'escalated').length === 4,
      'the four escalation steps',
    );
    const steps = (await timelineOf(admin, conversation.id))
      .filter((t) => t.kind === 'sla-breached' || t.kind === 'escalated')
      .map((t) => t.summary);
    expect(steps).toEqual([
      expect.stringMatching(/First response SLA breached/),
      'First response overdue: the agent notified',
      'First response overdue: priority raised to high',
      'First response overdue: reassigning',
      'First response overdue: supervisors notified',
    ]);
    expect((await server.app.models.Conversation.findById(conversation._id).orFail()).priority).toBe('high');
    await eventually(
      async () => agent.alerts.some((a) => a.level === 'breached'),
      'the agent to be told of the breach',
    );
    await eventually(async () => supervisorAlerts.some((a) => a.level === 'escalated'), 'supervisors to be told');
    const breached = await server.api<{ items: { queue: { id: string }; slaBreached: number }[] }>(
      supervisor.token,
      'GET',
      '/api/queues',
    );
    expect(breached.body.items.find((q) => q.queue.id === queue.id)?.slaBreached).toBe(1);
    expect(await atRiskIn()).toBe(0);
  });

  it('an agent reply meets the first-response target; the resolution target keeps running', async () => {
    const { admin, queue } = await setup();
    const agent = await onlineAgent(admin, queue.id);
    const conversation = await customer('5511944449002');
    await eventually(
      async () => (await server.app.models.SlaTimer.countDocuments({ conversationId: conversation._id })) === 2,
      'two timers',
    );
    const res = await server.api(
      agent.token,
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { type: 'text', body: 'Olá! Já vejo isso.' },
      { 'idempotency-key': 'sla-reply-0001' },
    );
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    await eventually(async () => {
      const kinds = (await server.app.models.SlaTimer.find({ conversationId: conversation._id })).map((t) => t.kind);
      return kinds.length === 1 && kinds[0] === 'resolution';
    }, 'only the resolution timer to remain');
    // The conversation shows the running target once the timers' change reaches it (a write after theirs).
    await eventually(
      async () =>
        (await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`)).body.sla?.kind ===
        'resolution',
      'the conversation to show the resolution target',
    );
  });

  it('a customer writing again in the second of the reply starts the next-response clock', async () => {
    const { admin, queue } = await setup();
    const agent = await onlineAgent(admin, queue.id);
    const waId = '5511944449009';
    const conversation = await customer(waId);
    const res = await server.api(
      agent.token,
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { type: 'text', body: 'Olá! Já vejo isso.' },
      { 'idempotency-key': 'sla-same-second-0001' },
    );
    expect(res.status).toBe(201);
    const { lastAgentReplyAt } = await eventually(async () => {
      const c = await server.app.models.Conversation.findById(conversation._id).orFail();
      return c.lastAgentReplyAt ? c : undefined;
    }, 'the reply counted');
    // WhatsApp stamps in whole seconds: the customer's next message, written after the reply, carries its second.
    const sameSecond = new Date(Math.floor(lastAgentReplyAt!.getTime() / 1000) * 1000);
    await server.deliver(
      envelope({ messages: [inbound.text({ from: waId, body: 'e a nota fiscal?', timestamp: sameSecond })] }),
    );
    await eventually(
      async () =>
        (await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`)).body.sla?.kind ===
        'next_response',
      'the conversation to show the next-response target',
    );
  });

  it('fire on time after a restart: timers are in the database, and another process handles them', async () => {
    const { admin, queue } = await setup();
    await onlineAgent(admin, queue.id);
    const conversation = await customer('5511944449003');
    await server.app.close();
    const restarted = await startPeerApp(server, { SLA_CHECK_INTERVAL_MS: 100 });
    try {
      await backdate(restarted, conversation.id, 70);
      await eventually(async () => {
        const steps = await restarted.services.timeline.list(conversation);
        return steps.some((s) => s.kind === 'sla-breached');
      }, 'the restarted server to record the breach');
    } finally {
      await restarted.close();
    }
  });

  it('an escalation to urgent moves the running deadline: the breach comes at the urgent target, not the normal one', async () => {
    const { admin, queue } = await setup();
    const agent = await onlineAgent(admin, queue.id);
    const conversation = await customer('5511944449006');
    // Ten minutes in: at normal priority the first response is due in 50 more (no warning yet); at urgent it
    // was due five minutes ago.
    await backdate(server.app, conversation.id, 10);
    const escalated = await server.api(agent.token, 'POST', `/api/conversations/${conversation.id}/escalate`, {
      reason: 'chargeback threatened',
    });
    expect(escalated.status).toBe(200);
    await eventually(
      async () => (await timelineOf(admin, conversation.id)).some((t) => t.kind === 'sla-breached'),
      'the first response to breach at the urgent target',
    );
    const timer = await server.app.models.SlaTimer.findOne({
      conversationId: conversation._id,
      kind: 'first_response',
    }).orFail();
    expect({ priority: timer.priority, dueAt: timer.dueAt.getTime() }).toEqual({
      priority: 'urgent',
      dueAt: timer.startedAt.getTime() + 5 * 60_000,
    });
    // The ladder's first step (notify the agent) is the check after the breach: its alert comes a moment later.
    await eventually(
      async () => agent.alerts.some((a) => a.level === 'breached' && a.kind === 'first_response'),
      'the agent to be told of the breach',
    );
  });

  it('a change whose sync never ran (its process died right after it) is caught up by the reconcile pass', async () => {
    const { admin, queue } = await setup(undefined, { SLA_RECONCILE_INTERVAL_MS: '300' });
    await onlineAgent(admin, queue.id);
    const conversation = await customer('5511944449005');
    const timers = async () =>
      (await server.app.models.SlaTimer.find({ conversationId: conversation._id })).map((t) => t.kind).sort();
    await eventually(async () => (await timers()).join() === 'first_response,resolution', 'both timers');
    const shown = async () =>
      (await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`)).body.sla?.kind ?? null;

    // What a process that died right after storing an agent's reply leaves behind: the reply's moments
    // written, and no event for any process's timers to follow.
    const repliedAt = new Date();
    await server.app.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { firstAgentReplyAt: repliedAt, lastAgentReplyAt: repliedAt, firstUnansweredAt: null } },
    );
    await eventually(async () => (await timers()).join() === 'resolution', 'the first-response timer to end');
    // The conversation is written just after the timers.
    await eventually(async () => (await shown()) === 'resolution', 'the conversation to show the resolution target');

    // Resolved the same way: no timer keeps running, and none is shown.
    await server.app.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { status: 'resolved', resolvedAt: new Date() } },
    );
    await eventually(async () => (await timers()).length === 0, 'the resolution timer to end');
    await eventually(async () => (await shown()) === null, 'the conversation to show no target');
  });

  it('respect the queue’s business hours: a message outside them is due after the next opening', async () => {
    const opening = new Date(Date.now() + 3 * 24 * 3600_000);
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][opening.getUTCDay()]!;
    const { admin } = await setup({
      name: 'Office hours',
      fallback: true,
      businessHours: { timezone: 'UTC', weekly: { [day]: [{ start: '09:00', end: '17:00' }] } },
    });
    const conversation = await customer('5511944449004');
    const expected = new Date(Date.UTC(opening.getUTCFullYear(), opening.getUTCMonth(), opening.getUTCDate(), 10, 0));
    await eventually(
      async () =>
        (await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`)).body.sla?.dueAt ===
        expected.toISOString(),
      'the deadline at the next opening plus 60 min',
    );
  });

  it('refuses invalid business hours naming the problem', async () => {
    server = await startTestServer(FAST);
    const admin = await server.login();
    const res = await server.api<{ error: { issues: { path: string; message: string }[] } }>(
      admin,
      'POST',
      '/api/queues',
      {
        name: 'Broken',
        businessHours: { timezone: 'Mars/Olympus', weekly: { mon: [{ start: '18:00', end: '09:00' }] } },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.businessHours.timezone', message: expect.stringMatching(/^must be an IANA time zone/) },
        { path: 'body.businessHours.weekly.mon.0', message: expect.stringMatching(/18:00-09:00 is empty or inverted/) },
      ]),
    );
  });
});
