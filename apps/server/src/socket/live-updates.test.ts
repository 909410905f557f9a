import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { Ack, ChannelDTO, ConversationEventDTO, SyncSinceResult, UserDTO } from '@switchboard/shared';
import { eventually, startTestServer, type ClientSocket, type TestServer } from '@switchboard/test-support/harness';

const SALES = '100000000000011';
const BILLING = '100000000000012';

let server: TestServer;
let channels: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login();
  channels = {};
  for (const [phoneNumberId, name] of [
    [SALES, 'Sales'],
    [BILLING, 'Billing'],
  ] as const) {
    const res = await server.api<ChannelDTO>(admin, 'POST', '/api/channels', { phoneNumberId, name });
    channels[phoneNumberId] = res.body.id;
  }
});
afterAll(() => server.close());

function record(socket: ClientSocket): ConversationEventDTO[] {
  const received: ConversationEventDTO[] = [];
  socket.on('conversation:changes', (events) => received.push(...events));
  return received;
}

const created = (events: ConversationEventDTO[]) =>
  events.flatMap((e) => (e.type === 'message:created' ? [e.data.providerMessageId] : []));

/** A queue that takes one intent. */
async function queue(name: string, intent: string): Promise<string> {
  const admin = await server.login();
  return (await server.api<{ id: string }>(admin, 'POST', '/api/queues', { name, intents: [intent] })).body.id;
}

/** An agent of the queue who takes no conversations (capacity 0), so what waits there stays waiting. */
async function queueAgent(queueId: string) {
  const agent = await server.userWith('agent');
  const admin = await server.login();
  await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queueId], capacity: 0 });
  return agent;
}

function sync(socket: ClientSocket, conversationId: string, afterSeq: number): Promise<Ack<SyncSinceResult>> {
  return new Promise((resolve) => socket.emit('conversation:sync', { conversationId, afterSeq }, resolve));
}

describe('live updates on the socket', () => {
  it('refuses a connection without a valid token', async () => {
    await expect(server.connectSocket('not-a-token')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('agents get live what waits in their queues, supervisors everything, a channel member catches up', async () => {
    const orders = await queue('Orders', 'order_status');
    const billing = await queue('Billing', 'payment_issue');
    const ordersAgent = await queueAgent(orders);
    const billingAgent = await queueAgent(billing);
    const member = await server.userWith('agent', [channels[SALES]!]);
    const supervisor = await server.userWith('supervisor');
    const ordersEvents = record(await server.connectSocket(ordersAgent.token));
    const billingEvents = record(await server.connectSocket(billingAgent.token));
    const memberSocket = await server.connectSocket(member.token);
    const memberEvents = record(memberSocket);
    const supervisorEvents = record(await server.connectSocket(supervisor.token));

    const order = inbound.text({ from: '5511933330001', body: 'where is my order?' });
    const payment = inbound.text({ from: '5511933330002', body: 'my payment failed' });
    await server.deliver(envelope({ phoneNumberId: SALES, messages: [order] }));
    await server.deliver(envelope({ phoneNumberId: SALES, messages: [payment] }));

    await eventually(async () => created(supervisorEvents).length === 2, 'the supervisor to see both messages');
    await eventually(
      async () => created(ordersEvents).length === 1 && created(billingEvents).length === 1,
      'each queue agent to see theirs',
    );
    expect(created(ordersEvents)).toEqual([order.id]);
    expect(created(billingEvents)).toEqual([payment.id]);
    // The first message was stored before routing queued its conversation, and still came, in order.
    const conversationId = ordersEvents[0]!.conversationId;
    const seqs = ordersEvents.filter((e) => e.conversationId === conversationId).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(billingEvents.some((e) => e.conversationId === conversationId)).toBe(false);

    // A member of the channel sees the conversation, through the catch-up rather than live.
    expect(memberEvents).toEqual([]);
    const caughtUp = await sync(memberSocket, conversationId, 0);
    expect(
      caughtUp.ok && caughtUp.data.events.map((e) => e.type === 'message:created' && e.data.providerMessageId),
    ).toContain(order.id);
  });

  it('an agent given a queue starts receiving it at once, without reconnecting', async () => {
    const refunds = await queue('Refunds', 'refund_request');
    const agent = await server.userWith('agent');
    const events = record(await server.connectSocket(agent.token));
    await server.deliver(
      envelope({ phoneNumberId: SALES, messages: [inbound.text({ from: '5511933330003', body: 'I want a refund' })] }),
    );
    await eventually(
      async () => (await server.app.models.Conversation.countDocuments({ queueId: refunds })) === 1,
      'the conversation to wait in Refunds',
    );
    const admin = await server.login();
    await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [refunds], capacity: 0 });
    const later = inbound.text({ from: '5511933330003', body: 'I want a refund please' });
    await server.deliver(envelope({ phoneNumberId: SALES, messages: [later] }));
    await eventually(async () => created(events).includes(later.id), 'the agent to get the message');
    expect(created(events)).toEqual([later.id]);
  });

  it('a user whose role an admin changes is told at once, and their socket gets what the new role sees', async () => {
    const agent = await server.userWith('agent');
    const socket = await server.connectSocket(agent.token);
    const accounts: UserDTO[] = [];
    socket.on('user:updated', (user) => accounts.push(user));
    const events = record(socket);
    const admin = await server.login();
    expect((await server.api(admin, 'PATCH', `/api/users/${agent.id}`, { role: 'supervisor' })).status).toBe(200);
    await eventually(async () => accounts.some((a) => a.role === 'supervisor'), 'the new role pushed');
    expect(accounts.at(-1)).toMatchObject({ id: agent.id, role: 'supervisor', active: true });

    // Supervisors see every conversation: one in no queue of theirs now reaches the same socket.
    const message = inbound.text({ from: '5511933330009', body: 'Hello there' });
    await server.deliver(envelope({ phoneNumberId: BILLING, messages: [message] }));
    await eventually(async () => created(events).includes(message.id), 'the supervisor to get the message');
  });

  it('sequence numbers go up by one per change with no gaps, and a client can fetch what it missed', async () => {
    const supervisor = await server.userWith('supervisor');
    const socket = await server.connectSocket(supervisor.token);
    const events = record(socket);
    const waId = '5511933330004';
    for (let i = 0; i < 5; i++) {
      await server.deliver(
        envelope({ phoneNumberId: BILLING, messages: [inbound.text({ from: waId, body: `msg ${i}` })] }),
      );
    }
    const conversationId = await eventually(
      async () => events.find((e) => e.type === 'message:created')?.conversationId,
      'first event',
    );
    await eventually(
      async () =>
        events.filter((e) => e.conversationId === conversationId && e.type === 'message:created').length === 5,
      'five messages',
    );
    const seqs = events.filter((e) => e.conversationId === conversationId).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

    const missed = await sync(socket, conversationId, 3);
    expect(missed.ok).toBe(true);
    if (!missed.ok) return;
    expect(missed.data.events.map((e) => e.seq)).toEqual(seqs.slice(3));
    expect(missed.data.latestSeq).toBe(seqs.at(-1));
    expect(missed.data.events).toEqual(events.filter((e) => e.conversationId === conversationId).slice(3));
  });

  it('sync refuses a conversation the user may not see, and a malformed request, with clear errors', async () => {
    const outsider = await server.userWith('agent');
    const socket = await server.connectSocket(outsider.token);
    const someConversation = await server.app.models.Conversation.findOne().orFail();
    expect(await sync(socket, someConversation.id, 0)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'conversation not found' },
    });
    const malformed = await sync(socket, 'nope', -1);
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
