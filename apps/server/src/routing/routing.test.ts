import { afterEach, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import {
  WEEKDAYS,
  knownPhrase,
  type ConversationDTO,
  type ConversationEventDTO,
  type QueueDTO,
  type TimelineEntryDTO,
} from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { parseExposition, valueOf } from '@switchboard/test-support/prometheus-text';

let server: TestServer;
afterEach(() => server?.close());

async function setup(overrides: Record<string, string> = {}) {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '100', ...overrides });
  return server.login();
}

async function queue(admin: string, body: Record<string, unknown>): Promise<QueueDTO> {
  const res = await server.api<QueueDTO>(admin, 'POST', '/api/queues', body);
  expect(res.status).toBe(201);
  return res.body;
}

/** An agent skilled in the queues, with a capacity, online through a real socket. */
async function agent(admin: string, queueIds: string[], capacity: number) {
  const user = await server.userWith('agent');
  expect((await server.api(admin, 'PUT', `/api/agents/${user.id}/profile`, { queueIds, capacity })).status).toBe(204);
  const token = await server.login(
    (await server.api<{ email: string }>(user.token, 'GET', '/api/me')).body.email,
    'password-1234',
  );
  const socket = await server.connectSocket(token);
  await server.untilOnline(user.id);
  return { ...user, token, socket };
}

/** A customer writes in; returns their conversation's id once the message is processed (and routed). */
async function customer(waId: string, body = 'hola'): Promise<{ id: string }> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body })] }));
  const contact = await server.app.models.Contact.findOne({ waId }).orFail();
  const doc = await server.app.models.Conversation.findOne({ contactId: contact._id, status: 'open' }).orFail();
  return { id: doc.id };
}

/** A counter of the server's /metrics (0 before its first increment). */
async function counter(name: string, labels: Record<string, string> = {}) {
  return valueOf(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), name, labels) ?? 0;
}

/** Waits until `count` routing passes have run from start to end since it was called. */
async function routingPasses(count: number) {
  const passes = () => counter('switchboard_routing_passes_total');
  // The pass running when this is called counts as done but may have started before: one more.
  const enough = (await passes()) + count + 1;
  await eventually(async () => (await passes()) >= enough, `${count} routing passes`);
}

async function conversation(id: string) {
  return server.app.models.Conversation.findById(id).orFail();
}

async function timeline(admin: string, id: string) {
  return (await server.api<{ items: TimelineEntryDTO[] }>(admin, 'GET', `/api/conversations/${id}/timeline`)).body
    .items;
}

describe('assignment', () => {
  it('goes to the least-loaded online agent, and the timeline says why, with the candidates and their loads', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 3);
    const bruno = await agent(admin, [support.id], 3);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await customer(`55119888000${i}`)).id);
    const assignees = await Promise.all(ids.map(async (id) => (await conversation(id)).assigneeId?.toHexString()));
    expect(assignees.filter((a) => a === ana.id)).toHaveLength(2);
    expect(assignees.filter((a) => a === bruno.id)).toHaveLength(2);

    const steps = await timeline(admin, ids[3]!);
    expect(steps.map((s) => s.kind)).toEqual(['triaged', 'prioritized', 'queued', 'assigned']);
    expect(steps[0]!.summary).toMatch(/^Intent greeting \(\d+% sure\), es/);
    expect(steps[1]!.summary).toMatch(/^Priority low: Greeting or opt-out/);
    expect(steps[2]!.summary).toContain('Support is the fallback');
    expect(steps[3]!.summary).toMatch(/least loaded \(2\/3 open\)/);
    const candidates = steps[3]!.details.candidates as { load: number; capacity: number; status: string }[];
    expect(candidates.map((c) => [c.load, c.capacity, c.status]).sort()).toEqual(
      [
        [1, 3, 'online'],
        [2, 3, 'online'],
      ].sort(),
    );
  });

  it('never exceeds capacity: the rest wait with the reason, and are assigned as soon as capacity frees', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 1);
    await agent(admin, [support.id], 1);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await customer(`55119888010${i}`)).id);
    const docs = await Promise.all(ids.map(conversation));
    expect(docs.filter((d) => d.routingState === 'assigned')).toHaveLength(2);
    const waiting = docs.filter((d) => d.routingState === 'waiting');
    expect(waiting.map((d) => d.waitingReason)).toEqual([
      'all 2 online agents of Support are at capacity',
      'all 2 online agents of Support are at capacity',
    ]);

    const anasConversation = docs.find((d) => d.assigneeId?.toHexString() === ana.id)!;
    expect((await server.api(ana.token, 'POST', `/api/conversations/${anasConversation.id}/resolve`)).status).toBe(200);
    await eventually(
      async () => (await conversation(waiting[0]!.id)).assigneeId?.toHexString() === ana.id,
      'the longest waiting to go to Ana',
    );
    expect((await conversation(waiting[1]!.id)).routingState).toBe('waiting');
    expect(await server.app.models.AgentSlot.countDocuments({ agentId: anasConversation.assigneeId })).toBe(1);
  });

  it('the reason a conversation waits follows the agents: at capacity, then nobody online', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 1);
    await customer('5511988803000');
    const { id } = await customer('5511988803001');
    expect((await conversation(id)).waitingReason).toBe('the one online agent of Support is at capacity');

    ana.socket.disconnect();
    await eventually(
      async () => (await conversation(id)).waitingReason === 'no agent of Support is online',
      'the reason to say nobody of Support is online',
    );
  });

  it('says why it waits and what happened as phrases a client can translate, beside the English', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    await agent(admin, [support.id], 1);
    const first = await customer('5511988804000');
    const second = await customer('5511988804001');
    const waiting = await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${second.id}`);
    expect(waiting.body).toMatchObject({
      waitingReason: 'the one online agent of Support is at capacity',
      waitingReasonPhrase: { code: 'waiting.one-agent-at-capacity', params: { queue: 'Support' } },
    });
    const steps = await timeline(admin, second.id);
    expect(steps.find((s) => s.kind === 'waiting')?.summaryPhrase).toEqual(waiting.body.waitingReasonPhrase);
    const assigned = (await timeline(admin, first.id)).find((s) => s.kind === 'assigned');
    expect(assigned?.summaryPhrase).toEqual({
      code: 'timeline.assigned',
      params: { agent: 'Test agent', load: 1, capacity: 1 },
    });
    // Every step, of every kind this path records, comes with a phrase of the shared catalogue.
    for (const step of [...steps, ...(await timeline(admin, first.id))])
      expect({ kind: step.kind, known: knownPhrase(step.summaryPhrase) !== null }).toEqual({
        kind: step.kind,
        known: true,
      });
  });

  it('waits visibly when nobody of the queue is online, and is assigned when an agent comes online', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const { id } = await customer('5511988802000');
    expect((await conversation(id)).waitingReason).toBe('nobody is skilled in Support');
    const latecomer = await agent(admin, [support.id], 2);
    await eventually(
      async () => (await conversation(id)).assigneeId?.toHexString() === latecomer.id,
      'assignment once online',
    );
  });
});

describe('triage and queues', () => {
  it('routes by the classified intent and language to the queue that takes them, with the reason in the timeline', async () => {
    const admin = await setup();
    const billingLatam = await queue(admin, {
      name: 'Billing LATAM',
      intents: ['payment_issue', 'invoice_question'],
      languages: ['es', 'pt'],
    });
    const billingEn = await queue(admin, {
      name: 'Billing EN',
      intents: ['payment_issue', 'invoice_question'],
      languages: ['en'],
    });
    const logistics = await queue(admin, { name: 'Logistics', intents: ['delivery_problem', 'order_status'] });
    await queue(admin, { name: 'General', fallback: true });
    const cases = [
      ['5511988809001', 'mi pago con tarjeta fue rechazado dos veces', billingLatam.id, 'payment_issue'],
      ['5511988809002', 'my card payment failed and i was charged', billingEn.id, 'payment_issue'],
      ['5511988809003', 'minha encomenda não chegou e o rastreio não atualiza 😡', logistics.id, 'delivery_problem'],
    ] as const;
    for (const [waId, text, queueId, intent] of cases) {
      const { id } = await customer(waId, text);
      const doc = await conversation(id);
      expect({ text, queueId: doc.queueId?.toHexString(), intent: doc.intent }).toEqual({ text, queueId, intent });
    }
    const [first] = cases;
    const { id } = await customer(first[0], 'otra cosa');
    const steps = await timeline(admin, id);
    expect(steps.find((s) => s.kind === 'queued')?.summary).toBe(
      'Routed to Billing LATAM: Billing LATAM takes payment_issue in es',
    );
    expect(steps.find((s) => s.kind === 'prioritized')?.summary).toMatch(/^Priority high: Payment problem/);
    expect((await conversation(id)).priority).toBe('high');
  });
});

describe('no queue takes it', () => {
  it('waits with the reason, is not routed again while the queues stay as they are, and goes to a queue created for it', async () => {
    const admin = await setup();
    await queue(admin, { name: 'Payments', intents: ['payment_issue'], fallback: false });
    const { id } = await customer('5511988802001', 'hola, bom dia');
    await eventually(
      async () => (await conversation(id)).waitingReason?.startsWith('no queue takes this conversation'),
      'the conversation to wait for a queue',
    );
    // Every routing pass would take a routing turn on the conversation (a work lease, one database insert) if
    // it were tried again. Nothing about the queues changed, so none of five passes does (another background
    // job, SLA or retention, may take one lease meanwhile).
    const leaseInserts = () =>
      counter('switchboard_db_commands_total', { collection: 'work_leases', command: 'insert', outcome: 'ok' });
    const before = await leaseInserts();
    await routingPasses(5);
    expect(await leaseInserts()).toBeLessThanOrEqual(before + 1);
    expect((await conversation(id)).queueId).toBeNull();

    const general = await queue(admin, { name: 'General', fallback: true });
    const ana = await agent(admin, [general.id], 2);
    await eventually(
      async () => (await conversation(id)).assigneeId?.toHexString() === ana.id,
      'the conversation to go to the new fallback queue and its agent',
    );
  });
});

describe('a vague first message', () => {
  it('"hola" then the real request: the request decides the queue while nobody has the conversation yet', async () => {
    const admin = await setup();
    const payments = await queue(admin, { name: 'Payments', intents: ['payment_issue'] });
    await queue(admin, { name: 'General', fallback: true, mode: 'manual' });
    const { id } = await customer('5511988810001', 'hola');
    expect((await conversation(id)).intent).toBe('greeting');
    await customer('5511988810001', 'mi pago con tarjeta fue rechazado dos veces');
    const now = await conversation(id);
    expect({ intent: now.intent, queueId: now.queueId?.toHexString(), priority: now.priority }).toEqual({
      intent: 'payment_issue',
      queueId: payments.id,
      priority: 'high',
    });
    expect((await timeline(admin, id)).filter((t) => t.kind === 'triaged').map((t) => t.details.intent)).toEqual([
      'greeting',
      'payment_issue',
    ]);
    expect((await timeline(admin, id)).filter((t) => t.kind === 'queued').map((t) => t.summary)).toEqual([
      'Routed to General: no queue takes greeting in es; General is the fallback',
      'Routed to Payments: Payments takes payment_issue in es',
    ]);
  });
});

describe('manual queues, claim, transfer, give back', () => {
  it('a manual queue waits for a claim; only a skilled agent can claim, and only once', async () => {
    const admin = await setup();
    const vip = await queue(admin, { name: 'VIP desk', fallback: true, mode: 'manual' });
    const carla = await agent(admin, [vip.id], 2);
    const outsider = await agent(admin, [], 2);
    const { id } = await customer('5511988803000');
    expect((await conversation(id)).waitingReason).toBe('VIP desk takes conversations by claim');
    expect((await server.api(outsider.token, 'POST', `/api/conversations/${id}/claim`)).status).toBe(404);
    const claimed = await server.api<ConversationDTO>(carla.token, 'POST', `/api/conversations/${id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ assigneeId: carla.id, routingState: 'assigned' });
    expect((await server.api(carla.token, 'POST', `/api/conversations/${id}/claim`)).status).toBe(409);
    expect((await timeline(admin, id)).map((s) => s.kind)).toEqual([
      'triaged',
      'prioritized',
      'queued',
      'waiting',
      'claimed',
    ]);
  });

  it('an agent transfers to a colleague or to another queue, and gives back; a supervisor reassigns', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const billing = await queue(admin, { name: 'Billing' });
    const ana = await agent(admin, [support.id], 1);
    const bruno = await agent(admin, [support.id], 2);
    const { id } = await customer('5511988804000');
    const first = (await conversation(id)).assigneeId!.toHexString();
    const holder = first === ana.id ? ana : bruno;
    const other = first === ana.id ? bruno : ana;

    expect(
      (
        await server.api<ConversationDTO>(holder.token, 'POST', `/api/conversations/${id}/transfer`, {
          toUserId: other.id,
        })
      ).body.assigneeId,
    ).toBe(other.id);
    expect(
      (await server.api(holder.token, 'POST', `/api/conversations/${id}/transfer`, { toUserId: holder.id })).status,
    ).toBe(403);

    const toQueue = await server.api<ConversationDTO>(other.token, 'POST', `/api/conversations/${id}/transfer`, {
      toQueueId: billing.id,
    });
    expect(toQueue.status).toBe(200);
    // Routed at once, by this request or, when its pass holds the conversation just then, the routing loop's.
    await eventually(async () => {
      const { routingState, waitingReason } = await conversation(id);
      return routingState === 'waiting' && waitingReason === 'nobody is skilled in Billing';
    }, 'the conversation to wait in Billing, saying why');

    const supervisor = await server.userWith('supervisor');
    const reassigned = await server.api<ConversationDTO>(supervisor.token, 'POST', `/api/conversations/${id}/assign`, {
      userId: bruno.id,
    });
    expect(reassigned.body.assigneeId).toBe(bruno.id);
    expect((await server.api<ConversationDTO>(bruno.token, 'POST', `/api/conversations/${id}/give-back`)).status).toBe(
      200,
    );
    const kinds = (await timeline(admin, id)).map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['transferred', 'waiting', 'unassigned']));
    expect(await server.app.models.AgentSlot.countDocuments({ conversationId: (await conversation(id))._id })).toBe(
      (await conversation(id)).assigneeId ? 1 : 0,
    );
  });
});

describe('agents who go away', () => {
  it('keep their conversations through the grace period, then they return to the queue and go to someone online', async () => {
    const graceMs = 600_000;
    const admin = await setup({ AGENT_GRACE_SECONDS: String(graceMs / 1000) });
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 2);
    const { id } = await customer('5511988805000');
    expect((await conversation(id)).assigneeId?.toHexString()).toBe(ana.id);
    const bruno = await agent(admin, [support.id], 2);
    ana.socket.disconnect();
    const awaySince = await eventually(
      async () => (await server.app.models.User.findById(ana.id).orFail()).unavailableSince,
      'Ana to be counted away',
    );
    // Passes that see her away inside the grace period leave her conversation with her.
    await routingPasses(2);
    expect((await conversation(id)).assigneeId?.toHexString()).toBe(ana.id);
    // The grace period runs out: she went away that long ago.
    await server.app.models.User.updateOne(
      { _id: ana.id },
      { $set: { unavailableSince: new Date(awaySince.getTime() - graceMs) } },
    );
    await eventually(
      async () => (await conversation(id)).assigneeId?.toHexString() === bruno.id,
      'the conversation to move to Bruno',
    );
    const requeued = (await timeline(admin, id)).find((s) => s.kind === 'requeued');
    expect(requeued?.summary).toMatch(/was away or offline/);
  });

  it('an agent who sets themselves away gets no new conversations', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 2);
    expect((await server.api(ana.token, 'PUT', '/api/me/status', { status: 'away' })).status).toBe(204);
    const { id } = await customer('5511988806000');
    expect(await conversation(id)).toMatchObject({
      routingState: 'waiting',
      waitingReason: 'no agent of Support is online',
    });
  });

  it('an agent outside their working hours gets no new conversations, and gets them once within', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const ana = await agent(admin, [support.id], 2);
    // Ana works only the day after tomorrow (UTC): whenever this runs, she is outside her hours now.
    const offDay = WEEKDAYS[(new Date().getUTCDay() + 6 + 2) % 7]!;
    const workingHours = { timezone: 'UTC', weekly: { [offDay]: [{ start: '00:00', end: '23:59' }] }, holidays: [] };
    const profile = (hours: unknown) =>
      server.api(admin, 'PUT', `/api/agents/${ana.id}/profile`, {
        queueIds: [support.id],
        capacity: 2,
        workingHours: hours,
      });
    expect((await profile(workingHours)).status).toBe(204);

    const { id } = await customer('5511988807000');
    expect(await conversation(id)).toMatchObject({
      routingState: 'waiting',
      waitingReason: 'no online agent of Support is within their working hours',
    });
    const waiting = (await timeline(admin, id)).at(-1)!;
    expect(waiting.kind).toBe('waiting');

    expect((await profile(null)).status).toBe(204);
    const assigned = await eventually(async () => {
      const doc = await conversation(id);
      return doc.routingState === 'assigned' ? doc : undefined;
    }, 'the conversation to go to Ana');
    expect(assigned.assigneeId?.toHexString()).toBe(ana.id);
  });
});

describe('live, per queue', () => {
  it('an agent receives the conversations of their own queues on the socket, and no others', async () => {
    const admin = await setup();
    const support = await queue(admin, { name: 'Support', fallback: true });
    const billing = await queue(admin, { name: 'Billing', mode: 'manual' });
    const billingAgent = await agent(admin, [billing.id], 2);
    const received: ConversationEventDTO[] = [];
    billingAgent.socket.on('conversation:changes', (events) => received.push(...events));
    const general = await customer('5511988807000');
    const invoice = await customer('5511988807001');
    expect(support.id).toBeTruthy();
    const supervisor = await server.userWith('supervisor');
    await server.api(supervisor.token, 'POST', `/api/conversations/${invoice.id}/transfer`, { toQueueId: billing.id });
    await eventually(
      async () => received.some((e) => e.conversationId === invoice.id),
      'the billing conversation to reach the billing agent',
    );
    expect(received.some((e) => e.conversationId === general.id)).toBe(false);
    const visible = await server.api<{ items: ConversationDTO[] }>(billingAgent.token, 'GET', '/api/conversations');
    expect(visible.body.items.map((c) => c.id)).toEqual([invoice.id]);
  });
});
