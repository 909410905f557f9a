import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, QueueDTO, TimelineEntryDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let admin: string;
let apiKey: string;
let billing: QueueDTO;
beforeAll(async () => {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '100' });
  admin = await server.login();
  billing = (await server.api<QueueDTO>(admin, 'POST', '/api/queues', { name: 'Billing', intents: ['payment_issue'] }))
    .body;
  await server.api(admin, 'POST', '/api/queues', { name: 'General', fallback: true, mode: 'manual' });
  apiKey = (await server.api<{ apiKey: string }>(admin, 'POST', '/api/bots', { name: 'PayBot' })).body.apiKey;
});
afterAll(() => server.close());

function botCall(path: string, body: unknown, key = apiKey, idempotencyKey?: string) {
  return fetch(`${server.url}/api/bot/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
}

const handoff = {
  customer: { waId: '5511966661001', phoneNumberId: '100000000000001' },
  reason: 'customer says the PIX payment failed twice',
  context: {
    intent: 'payment_issue',
    confidence: 0.93,
    summary: 'PIX of R$ 149,90 for order 4411 failed twice; customer was charged once.',
    attributes: { 'order number': '4411', email: 'ana@example.com', amount: 149.9 },
    steps: [
      { action: 'Asked for the order number', detail: '4411' },
      { action: 'Checked payment status', detail: 'two failed attempts, one capture' },
    ],
  },
};

describe('bot handoff', () => {
  it('only admins create bot credentials; a wrong or missing key is refused', async () => {
    const agent = await server.userWith('agent');
    expect((await server.api(agent.token, 'POST', '/api/bots', { name: 'x' })).status).toBe(403);
    expect((await botCall('handoff', handoff, 'sbk_000000000000000000000000_nope')).status).toBe(401);
    expect((await botCall('handoff', handoff, '')).status).toBe(401);
  });

  it('arrives with its context in the timeline and on the conversation, and is routed by the bot’s intent', async () => {
    await server.deliver(envelope({ messages: [inbound.text({ from: '5511966661001', body: 'meu pix falhou' })] }));
    const payer = await server.userWith('agent');
    await server.api(admin, 'PUT', `/api/agents/${payer.id}/profile`, { queueIds: [billing.id], capacity: 3 });
    await server.connectSocket(payer.token);
    await server.untilOnline(payer.id);

    const res = await botCall('handoff', handoff, apiKey, 'handoff-0000001');
    expect(res.status).toBe(200);
    const conversation = (await res.json()) as ConversationDTO;
    expect(conversation).toMatchObject({
      queueId: billing.id,
      assigneeId: payer.id,
      routingState: 'assigned',
      intent: 'payment_issue',
    });
    expect(conversation.handoff).toMatchObject({
      botName: 'PayBot',
      reason: handoff.reason,
      summary: handoff.context.summary,
      attributes: handoff.context.attributes,
    });

    const again = await botCall('handoff', handoff, apiKey, 'handoff-0000001');
    expect(again.status).toBe(200);
    const timeline = (
      await server.api<{ items: TimelineEntryDTO[] }>(
        payer.token,
        'GET',
        `/api/conversations/${conversation.id}/timeline`,
      )
    ).body.items;
    const kinds = timeline.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'bot-handoff')).toHaveLength(1);
    expect(kinds).toEqual(expect.arrayContaining(['bot-handoff', 'bot-step', 'bot-step', 'assigned']));
    expect(timeline.filter((t) => t.kind === 'bot-step').map((t) => t.summary)).toEqual([
      'Asked for the order number',
      'Checked payment status',
    ]);
  });

  it('a bot takes a conversation back: the agent’s capacity is freed and routing leaves it alone', async () => {
    const conversation = await server.app.models.Conversation.findOne({ handoff: { $ne: null } }).orFail();
    const agentId = conversation.assigneeId!;
    const res = await botCall('resume', { conversationId: conversation.id, reason: 'customer confirmed the refund' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ConversationDTO).routingState).toBe('bot');
    expect(await server.app.models.AgentSlot.countDocuments({ agentId })).toBe(0);
    await server.deliver(envelope({ messages: [inbound.text({ from: '5511966661001', body: 'obrigado!' })] }));
    expect((await server.app.models.Conversation.findById(conversation._id).orFail()).routingState).toBe('bot');
  });

  it('refuses bad input naming the field, and an unknown customer with 404', async () => {
    const both = await botCall('handoff', { ...handoff, conversationId: '0'.repeat(24) });
    expect(both.status).toBe(400);
    const badKey = await botCall('handoff', { ...handoff, context: { attributes: { $where: '1' } } });
    expect(badKey.status).toBe(400);
    const unknown = await botCall('handoff', {
      ...handoff,
      customer: { waId: '5599999999999', phoneNumberId: '100000000000001' },
    });
    expect(unknown.status).toBe(404);
  });

  it('a deactivated bot is refused', async () => {
    const { bot, apiKey: key } = (
      await server.api<{ bot: { id: string }; apiKey: string }>(admin, 'POST', '/api/bots', { name: 'OldBot' })
    ).body;
    await server.api(admin, 'PATCH', `/api/bots/${bot.id}`, { active: false });
    expect((await botCall('handoff', handoff, key)).status).toBe(401);
  });
});
