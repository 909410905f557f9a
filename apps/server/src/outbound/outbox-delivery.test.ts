import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { parseExposition, valueOf, type Sample } from '@switchboard/test-support/prometheus-text';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator({
    OUTBOX_MAX_FAILURES: '6',
    BREAKER_FAILURE_THRESHOLD: '3',
    BREAKER_HALF_OPEN_SECONDS: '2',
  });
  admin = await server.login();
});
afterEach(() => server.sim.faults.clear());
afterAll(() => server.close());

let keys = 0;
/** A customer writes, an agent replies; returns the reply as stored. */
async function reply(waId: string, body: string): Promise<{ conversation: ConversationDTO; message: MessageDTO }> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'hi' })] }));
  const conversation = (
    await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200')
  ).body.items.find((c) => c.contact.waId === waId)!;
  return { conversation, message: await postReply(conversation.id, body) };
}

/** An agent's reply in a conversation the customer already opened; returns it as stored. */
async function postReply(conversationId: string, body: string): Promise<MessageDTO> {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin}`,
      'content-type': 'application/json',
      'idempotency-key': `delivery-key-${++keys}`,
    },
    body: JSON.stringify({ type: 'text', body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as MessageDTO;
}

async function shown(conversationId: string, messageId: string): Promise<MessageDTO> {
  const page = await server.api<Page<MessageDTO>>(
    admin,
    'GET',
    `/api/conversations/${conversationId}/messages?limit=200`,
  );
  return page.body.items.find((m) => m.id === messageId)!;
}

/** Waits until the reply, as clients are shown it, reaches `status`; returns it then. */
function untilStatus(conversationId: string, messageId: string, status: MessageDTO['status']): Promise<MessageDTO> {
  return eventually(
    async () => {
      const m = await shown(conversationId, messageId);
      return m.status === status ? m : undefined;
    },
    `the reply to be ${status}`,
    20_000,
  );
}

/** The sends a channel's open breaker refused without calling WhatsApp, as GET /metrics counts them. */
async function scrape(): Promise<Sample[]> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}
const heldBackTries = (metrics: Sample[]) =>
  valueOf(metrics, 'switchboard_outbound_attempts_total', { result: 'not_attempted', code: 'none' }) ?? 0;

const callsFor = (messageId: string) =>
  server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

describe('delivery through failures', () => {
  it('retryable errors (5xx, 130429) are retried, then the reply is delivered once', async () => {
    server.sim.faults.set({ httpError: { count: 1, status: 503 }, metaError: { count: 1, code: 130429 } });
    const { conversation, message } = await reply('5511966660001', 'segunda tentativa');
    const delivered = await untilStatus(conversation.id, message.id, 'read');
    expect(delivered.attempts).toBe(3);
    expect(callsFor(message.id)).toHaveLength(1);
  });

  it('a reply being retried holds back the next reply to the same customer: they arrive in the order written', async () => {
    server.sim.faults.set({ httpError: { count: 1, status: 503 } });
    const first = await reply('5511966660011', 'primeiro: estou verificando');
    const second = await postReply(first.conversation.id, 'segundo: já encontrei o pedido');
    await untilStatus(first.conversation.id, second.id, 'read');
    await untilStatus(first.conversation.id, first.message.id, 'read');
    const toCustomer = server.sim.sentMessages
      .filter((m) => m.request.to === '5511966660011')
      .map((m) => m.request.biz_opaque_callback_data);
    expect(toCustomer).toEqual([first.message.id, second.id]);
  });

  // Three: what the pair rate limit lets through to one customer at once (a longer burst waits for it).
  it('a burst of replies to one customer is handed to the senders as written: each goes out once, in order', async () => {
    const first = await reply('5511966660021', 'resposta 1');
    const written = [first.message.id];
    for (let n = 2; n <= 3; n++) {
      written.push((await postReply(first.conversation.id, `resposta ${n}`)).id);
    }
    for (const id of written) await untilStatus(first.conversation.id, id, 'read');
    const toCustomer = server.sim.sentMessages
      .filter((m) => m.request.to === '5511966660021')
      .map((m) => m.request.biz_opaque_callback_data);
    expect(toCustomer).toEqual(written);
  });

  it('a permanent error fails at once with a reason the agent understands, and is not retried', async () => {
    server.sim.faults.set({ metaError: { count: 1, code: 131026 } });
    const { conversation, message } = await reply('5511966660002', 'olá');
    const failed = await untilStatus(conversation.id, message.id, 'failed');
    expect(failed.error?.code).toBe(131026);
    expect(failed.failureReason).toMatch(/could not deliver/i);
    expect(failed.attempts).toBe(1);
    // Nothing is left to try again: the outbox lets the reply go, and it was sent once.
    await eventually(
      async () => (await server.app.models.Outbox.countDocuments({ _id: message.id })) === 0,
      'the outbox to let the failed reply go',
    );
    expect((await shown(conversation.id, message.id)).attempts).toBe(1);
  });

  it('a window error reported later as a failed status is shown as the window error it is', async () => {
    server.sim.faults.set({ failedStatus: { count: 1, code: 131047 } });
    const { conversation, message } = await reply('5511966660003', 'ainda aí?');
    const failed = await untilStatus(conversation.id, message.id, 'failed');
    expect(failed.error?.code).toBe(131047);
    expect(failed.failureReason).toMatch(/24 hours/);
  });

  it('the breaker opens during an outage, stops calling WhatsApp, and every reply goes out once after it recovers', async () => {
    const heldBefore = heldBackTries(await scrape());
    server.sim.faults.set({ httpError: { count: 1000, status: 500 } });
    const replies: Awaited<ReturnType<typeof reply>>[] = [];
    for (let i = 0; i < 3; i++) replies.push(await reply(`55119666601${i}`, `reply ${i}`));
    await eventually(
      async () => server.app.outboxWorker.breakerState(replies[0]!.conversation.channelId) === 'open',
      'the breaker to open',
    );
    // While it is open, the replies' tries are held back instead of calling WhatsApp.
    await eventually(
      async () => heldBackTries(await scrape()) >= heldBefore + 2,
      'the open breaker to hold two tries back without calling WhatsApp',
    );

    server.sim.faults.clear();
    for (const { conversation, message } of replies) {
      await untilStatus(conversation.id, message.id, 'read');
      expect(callsFor(message.id)).toHaveLength(1);
    }
    expect(server.app.outboxWorker.breakerState(replies[0]!.conversation.channelId)).toBe('closed');
  });

  it('a reply out of retries is dead-lettered; a supervisor lists it and replays it', async () => {
    // Throttling, not an outage: failures during an outage are breaker probes, which do not use up a reply's tries.
    server.sim.faults.set({ metaError: { count: 6, code: 130429 } });
    const { conversation, message } = await reply('5511966660020', 'will it ever arrive?');
    const dead = await untilStatus(conversation.id, message.id, 'dead');
    expect(dead.failureReason).toMatch(/gave up after 6 tries/i);
    // It no longer goes out by itself, so it must not say it will.
    expect(dead.failureReason).not.toMatch(/automatically|in a moment/);
    const supervisor = await server.userWith('supervisor');
    const agent = await server.userWith('agent');
    expect((await server.api(agent.token, 'GET', '/api/outbox/dead')).status).toBe(403);
    const list = await server.api<{ items: { message: MessageDTO; failures: number; lastFailure: string | null }[] }>(
      supervisor.token,
      'GET',
      '/api/outbox/dead',
    );
    const letter = list.body.items.find((i) => i.message.id === message.id);
    expect(letter?.failures).toBe(6);
    // The list says the same as the reply: it gave up, and nothing goes out by itself any more.
    expect(letter?.lastFailure).toMatch(/gave up after 6 tries/i);
    expect(letter?.lastFailure).not.toMatch(/automatically|in a moment/);

    const replayed = await server.api<MessageDTO>(supervisor.token, 'POST', `/api/outbox/${message.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.status).toBe('queued');
    await untilStatus(conversation.id, message.id, 'read');
    expect(callsFor(message.id)).toHaveLength(1);
    const after = await server.api<{ items: { message: MessageDTO }[] }>(supervisor.token, 'GET', '/api/outbox/dead');
    expect(after.body.items.some((i) => i.message.id === message.id)).toBe(false);
  });
});
