import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { Ack, ChannelDTO, ConversationEventDTO, SyncSinceResult } from '@switchboard/shared';
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

function sync(socket: ClientSocket, conversationId: string, afterSeq: number): Promise<Ack<SyncSinceResult>> {
  return new Promise((resolve) => socket.emit('conversation:sync', { conversationId, afterSeq }, resolve));
}

describe('live updates on the socket', () => {
  it('refuses a connection without a valid token', async () => {
    await expect(server.connectSocket('not-a-token')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('two users receive what they may see and nothing else', async () => {
    const salesAgent = await server.userWith('agent', [channels[SALES]!]);
    const billingAgent = await server.userWith('agent', [channels[BILLING]!]);
    const supervisor = await server.userWith('supervisor');
    const salesEvents = record(await server.connectSocket(salesAgent.token));
    const billingEvents = record(await server.connectSocket(billingAgent.token));
    const supervisorEvents = record(await server.connectSocket(supervisor.token));

    const toSales = inbound.text({ from: '5511933330001', body: 'quero comprar' });
    const toBilling = inbound.text({ from: '5511933330002', body: 'boleto vencido' });
    await server.deliver(envelope({ phoneNumberId: SALES, messages: [toSales] }));
    await server.deliver(envelope({ phoneNumberId: BILLING, messages: [toBilling] }));

    const created = (events: ConversationEventDTO[]) =>
      events
        .filter((e) => e.type === 'message:created')
        .map((e) => (e.type === 'message:created' ? e.data.providerMessageId : null));
    await eventually(async () => created(supervisorEvents).length === 2, 'supervisor to see both messages');
    await eventually(
      async () => created(salesEvents).length === 1 && created(billingEvents).length === 1,
      'agents to see theirs',
    );
    expect(created(salesEvents)).toEqual([toSales.id]);
    expect(created(billingEvents)).toEqual([toBilling.id]);
    expect(salesEvents.every((e) => e.type !== 'message:created' || e.data.channelId === channels[SALES])).toBe(true);
    expect(billingEvents.some((e) => e.conversationId === salesEvents[0]!.conversationId)).toBe(false);
  });

  it('an agent added to a channel starts receiving it at once, without reconnecting', async () => {
    const agent = await server.userWith('agent');
    const events = record(await server.connectSocket(agent.token));
    await server.deliver(
      envelope({ phoneNumberId: SALES, messages: [inbound.text({ from: '5511933330003', body: 'antes' })] }),
    );
    const admin = await server.login();
    const sales = (await server.api<{ items: ChannelDTO[] }>(admin, 'GET', '/api/channels')).body.items.find(
      (c) => c.id === channels[SALES],
    )!;
    await server.api(admin, 'PUT', `/api/channels/${sales.id}/members`, { userIds: [...sales.memberIds, agent.id] });
    const later = inbound.text({ from: '5511933330003', body: 'depois' });
    await server.deliver(envelope({ phoneNumberId: SALES, messages: [later] }));
    await eventually(
      async () => events.some((e) => e.type === 'message:created' && e.data.providerMessageId === later.id),
      'the new member to get the message',
    );
    expect(
      events.some(
        (e) => e.type === 'message:created' && e.data.content.type === 'text' && e.data.content.body === 'antes',
      ),
    ).toBe(false);
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
