import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ChannelSendHealthDTO, ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

const HALF_OPEN_MS = 2000;
let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator({
    OUTBOX_MAX_FAILURES: '20',
    BREAKER_FAILURE_THRESHOLD: '3',
    BREAKER_HALF_OPEN_SECONDS: String(HALF_OPEN_MS / 1000),
  });
  admin = await server.login();
});
afterAll(() => server.close());

async function conversationOf(waId: string, number: { phoneNumberId?: string } = {}): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'is my order coming?' })], ...number }));
  return eventually(async () => {
    const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
    return page.body.items.find((c) => c.contact.waId === waId);
  }, `the conversation of ${waId}`);
}

let keys = 0;
async function replyIn(conversationId: string, body: string): Promise<MessageDTO> {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin}`,
      'content-type': 'application/json',
      'idempotency-key': `send-health-${++keys}`,
    },
    body: JSON.stringify({ type: 'text', body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as MessageDTO;
}

const statusOf = async (conversationId: string, messageId: string) =>
  (
    await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversationId}/messages?limit=200`)
  ).body.items.find((m) => m.id === messageId)?.status;

describe('a number that cannot send', () => {
  it('is down since the breaker opened, with its next try, in the REST read and a push; a push says when it is back', async () => {
    const conversation = await conversationOf('5511977770001');
    // An agent who is no member of the number: their replies may still go out through it.
    const agent = await server.userWith('agent');
    const socket = await server.connectSocket(agent.token);
    const pushes: ChannelSendHealthDTO[] = [];
    socket.on('channel:send-health-changed', (health) => pushes.push(health));
    const readHealth = async (token = agent.token) => {
      const res = await server.api<{ items: ChannelSendHealthDTO[] }>(token, 'GET', '/api/channels/send-health');
      expect(res.status).toBe(200);
      return res.body.items.find((h) => h.channelId === conversation.channelId)!;
    };
    expect(await readHealth()).toMatchObject({ state: 'sending', downSince: null, nextRetryAt: null });

    const outageStarted = Date.now();
    server.sim.faults.set({ httpError: { count: 10_000, status: 503 } });
    const first = await replyIn(conversation.id, 'Your order left the warehouse today.');
    const second = await replyIn(conversation.id, 'It should arrive on Friday.');

    const down = await eventually(
      async () => pushes.find((p) => p.channelId === conversation.channelId && p.state === 'down'),
      'a push saying the number is down',
      30_000,
    );
    expect(down).toMatchObject({ name: 'Unregistered number 15550100', displayPhoneNumber: '15550100' });
    const downSince = Date.parse(down.downSince!);
    expect(downSince).toBeGreaterThanOrEqual(outageStarted);
    expect(downSince).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(down.nextRetryAt!) - Date.parse(down.changedAt)).toBe(HALF_OPEN_MS);
    // After a reload: the same, read over REST.
    expect(await readHealth()).toMatchObject({ state: 'down', downSince: down.downSince });
    expect(await statusOf(conversation.id, first.id)).toBe('queued');
    expect(await statusOf(conversation.id, second.id)).toBe('queued');

    server.sim.faults.clear();
    const back = await eventually(
      async () => pushes.find((p) => p.channelId === conversation.channelId && p.state === 'sending'),
      'a push saying the number sends again',
      30_000,
    );
    expect(back).toMatchObject({ downSince: null, nextRetryAt: null });
    expect(await readHealth(admin)).toMatchObject({ state: 'sending', downSince: null });
    for (const reply of [first, second])
      await eventually(
        async () => ['sent', 'delivered', 'read'].includes((await statusOf(conversation.id, reply.id)) ?? ''),
        'the waiting reply to go out',
        30_000,
      );
  }, 120_000);

  it('a number left down by a process that is gone is back as soon as a reply goes out through it', async () => {
    const conversation = await conversationOf('5511977770002', { phoneNumberId: '100000000000777' });
    const pushes: ChannelSendHealthDTO[] = [];
    (await server.connectSocket(admin)).on('channel:send-health-changed', (health) => pushes.push(health));
    const downSince = new Date(Date.now() - 60_000);
    // What a process that restarted mid-outage left behind: its breaker is gone, its record is not.
    await server.app.models.Channel.updateOne(
      { _id: conversation.channelId },
      { $set: { sendHealth: { state: 'down', downSince, nextRetryAt: new Date(), changedAt: downSince } } },
    );
    const read = async () =>
      (await server.api<{ items: ChannelSendHealthDTO[] }>(admin, 'GET', '/api/channels/send-health')).body.items.find(
        (h) => h.channelId === conversation.channelId,
      );
    expect(await read()).toMatchObject({ state: 'down', downSince: downSince.toISOString() });

    const reply = await replyIn(conversation.id, 'Checking with the courier now.');
    await eventually(
      async () => ['sent', 'delivered', 'read'].includes((await statusOf(conversation.id, reply.id)) ?? ''),
      'the reply to go out',
      30_000,
    );
    await eventually(
      async () => pushes.find((p) => p.channelId === conversation.channelId && p.state === 'sending'),
      'a push saying the number sends',
      30_000,
    );
    expect(await read()).toMatchObject({ state: 'sending', downSince: null, nextRetryAt: null });
  }, 120_000);
});
