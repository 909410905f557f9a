import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorResponse, ConversationDTO, TransferTargetsDTO } from '@switchboard/shared';
import { actionKit } from '@switchboard/test-support/action-kit';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
afterEach(() => server?.close());

async function setup() {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '100' });
  return { admin: await server.login(), kit: actionKit(server) };
}

const assigneeOf = async (id: string) =>
  (await server.app.models.Conversation.findById(id).orFail()).assigneeId?.toHexString() ?? null;

describe('transfer targets and transfers by agents', () => {
  it('an agent lists every queue and each teammate with presence and load, and transfers to a teammate and a queue', async () => {
    const { admin, kit } = await setup();
    const desk = await kit.queue(admin, { name: 'Front desk', fallback: true, mode: 'manual', intents: ['greeting'] });
    const billing = await kit.queue(admin, { name: 'Billing', intents: ['invoice'] });
    const ana = await kit.agent(admin, [desk.id], 2);
    const bruno = await kit.agent(admin, [], 3);
    const away = await kit.agent(admin, [], 2);
    expect((await server.api(away.token, 'PUT', '/api/me/status', { status: 'away' })).status).toBe(204);
    const offline = await server.userWith('agent');

    // The supervisors' board and the queue settings stay theirs; the targets are everyone's, read-only.
    expect((await server.api(ana.token, 'GET', '/api/queues')).status).toBe(403);
    expect((await server.api(ana.token, 'PATCH', `/api/queues/${billing.id}`, { maxPerAgent: 2 })).status).toBe(403);
    const targets = await server.api<TransferTargetsDTO>(ana.token, 'GET', '/api/transfer-targets');
    expect(targets.status).toBe(200);
    expect(targets.body.queues).toEqual([
      { id: desk.id, name: 'Front desk' },
      { id: billing.id, name: 'Billing' },
    ]);
    const teammate = (id: string) => targets.body.agents.find((a) => a.userId === id);
    expect(teammate(ana.id)).toBeUndefined();
    expect(teammate(bruno.id)).toEqual({
      userId: bruno.id,
      name: 'Test agent',
      status: 'online',
      load: 0,
      capacity: 3,
    });
    expect(teammate(away.id)).toMatchObject({ status: 'away', load: 0, capacity: 2 });
    expect(teammate(offline.id)).toMatchObject({ status: 'offline' });

    // Nobody has it yet (the desk takes conversations by claim): Ana, who sees it, sends it to Bruno.
    const id = await kit.customer('5511988815000');
    const toBruno = await server.api<ConversationDTO>(ana.token, 'POST', `/api/conversations/${id}/transfer`, {
      toUserId: bruno.id,
    });
    expect(toBruno.status).toBe(200);
    expect(toBruno.body).toMatchObject({ assigneeId: bruno.id, routingState: 'assigned' });
    const brunosTargets = await server.api<TransferTargetsDTO>(bruno.token, 'GET', '/api/transfer-targets');
    expect(brunosTargets.body.agents.find((a) => a.userId === bruno.id)).toBeUndefined();
    expect(brunosTargets.body.agents.find((a) => a.userId === ana.id)).toMatchObject({ load: 0, capacity: 2 });
    expect(
      (await server.api<TransferTargetsDTO>(ana.token, 'GET', '/api/transfer-targets')).body.agents.find(
        (a) => a.userId === bruno.id,
      ),
    ).toMatchObject({ load: 1, capacity: 3 });

    // Bruno sends it on to Billing, a queue neither of them works in.
    const toBilling = await server.api<ConversationDTO>(bruno.token, 'POST', `/api/conversations/${id}/transfer`, {
      toQueueId: billing.id,
    });
    expect(toBilling.status).toBe(200);
    expect(toBilling.body).toMatchObject({ assigneeId: null, queueId: billing.id, routingState: 'waiting' });
    expect(await server.app.models.AgentSlot.countDocuments({ agentId: toBruno.body.assigneeId })).toBe(0);
  }, 90_000);
});

describe('handing a conversation on', () => {
  it('sent to a queue or given back, it goes to someone else there, never straight back to who handed it on', async () => {
    const { admin, kit } = await setup();
    const support = await kit.queue(admin, { name: 'Support', fallback: true });
    const orders = await kit.queue(admin, { name: 'Orders', intents: ['order_status'] });
    const ana = await kit.agent(admin, [support.id, orders.id], 5);
    const id = await kit.customer('5511988815200');
    await eventually(async () => (await assigneeOf(id)) === ana.id, 'Ana to get the conversation');

    // Ana, who also works in Orders, sends it there: it waits for another agent of Orders, saying why.
    const sent = await server.api<ConversationDTO>(ana.token, 'POST', `/api/conversations/${id}/transfer`, {
      toQueueId: orders.id,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ assigneeId: null, queueId: orders.id, routingState: 'waiting' });
    // Routed at once, by this request or, when its pass holds the conversation just then, the routing loop's.
    await eventually(
      async () =>
        (await server.app.models.Conversation.findById(id).orFail()).waitingReason ===
        'no agent of Orders is free but Test agent, who handed it on',
      'the conversation to say why it waits',
    );

    const bruno = await kit.agent(admin, [orders.id], 5);
    await eventually(async () => (await assigneeOf(id)) === bruno.id, 'Bruno, the other agent of Orders, to get it');

    // Bruno gives it back: Ana is free in Orders, and it is hers again, as anyone's but Bruno's.
    const back = await server.api<ConversationDTO>(bruno.token, 'POST', `/api/conversations/${id}/give-back`);
    expect(back.status).toBe(200);
    await eventually(async () => (await assigneeOf(id)) === ana.id, 'Ana to get it back from Bruno');

    // And Ana, giving it back in turn, sees it go to Bruno.
    expect((await server.api(ana.token, 'POST', `/api/conversations/${id}/give-back`)).status).toBe(200);
    await eventually(async () => (await assigneeOf(id)) === bruno.id, 'Bruno to get it back from Ana');
  }, 90_000);
});

describe('over capacity', () => {
  it('a supervisor is refused with the load and capacity, then assigns when confirmed; an agent is refused', async () => {
    const { admin, kit } = await setup();
    const support = await kit.queue(admin, { name: 'Support', fallback: true });
    const ana = await kit.agent(admin, [support.id], 1);
    const first = await kit.customer('5511988815100');
    expect(await assigneeOf(first)).toBe(ana.id);
    const second = await kit.customer('5511988815101');
    expect(await assigneeOf(second)).toBeNull();

    const supervisor = await server.userWith('supervisor');
    const refused = await server.api<ApiErrorResponse>(
      supervisor.token,
      'POST',
      `/api/conversations/${second}/assign`,
      {
        userId: ana.id,
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'OVER_CAPACITY',
      message: expect.stringContaining('Test agent has 1 open conversation of a capacity of 1'),
      issues: [{ path: 'body.overCapacity', message: expect.stringContaining('true') }],
    });
    expect(await assigneeOf(second)).toBeNull();

    const confirmed = await server.api<ConversationDTO>(
      supervisor.token,
      'POST',
      `/api/conversations/${second}/assign`,
      {
        userId: ana.id,
        overCapacity: true,
      },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ assigneeId: ana.id, routingState: 'assigned' });
    expect(await server.app.models.AgentSlot.countDocuments({ agentId: confirmed.body.assigneeId })).toBe(2);
    const assigned = (await kit.timeline(admin, second)).filter((s) => s.kind === 'transferred').at(-1);
    expect(assigned?.summary).toBe('Assigned by a supervisor to Test agent, over capacity (2/1), confirmed');

    // An agent may not push a teammate past capacity, confirmed or not; the conversation stays theirs.
    const bruno = await kit.agent(admin, [], 2);
    const third = await kit.customer('5511988815102');
    expect(
      (await server.api(supervisor.token, 'POST', `/api/conversations/${third}/assign`, { userId: bruno.id })).status,
    ).toBe(200);
    const byAgent = await server.api<ApiErrorResponse>(bruno.token, 'POST', `/api/conversations/${third}/transfer`, {
      toUserId: ana.id,
    });
    expect(byAgent.status).toBe(409);
    expect(byAgent.body.error).toMatchObject({
      code: 'OVER_CAPACITY',
      message: 'Test agent has 2 open conversations of a capacity of 1',
    });
    const pushed = await server.api<ApiErrorResponse>(bruno.token, 'POST', `/api/conversations/${third}/transfer`, {
      toUserId: ana.id,
      overCapacity: true,
    });
    expect(pushed.status).toBe(403);
    expect(pushed.body.error.issues).toEqual([
      { path: 'body.overCapacity', message: 'only supervisors and admins assign over capacity' },
    ]);
    expect(await assigneeOf(third)).toBe(bruno.id);
    expect(await server.app.models.AgentSlot.countDocuments({ agentId: confirmed.body.assigneeId })).toBe(2);
  }, 90_000);
});
