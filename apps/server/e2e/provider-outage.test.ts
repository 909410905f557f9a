import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

/*
 * outbound/outbox-delivery.test.ts shows the breaker opening and closing in a 2-second outage. This is the
 * outage the issue names, a whole minute, with the product's default breaker threshold and retry budget
 * (OUTBOX_MAX_FAILURES 8): long enough for several half-open probes, so it proves replies are neither
 * hammered at WhatsApp nor used up and dead-lettered while they wait (before probes stopped counting as a
 * reply's failures, the first reply here was dead-lettered after about 50 s).
 */
const HALF_OPEN_SECONDS = 10;
/** The outage lasts until this many half-open probes have failed: about a minute, at one per period. */
const FAILED_PROBES = 6;
const FAILURE_THRESHOLD = 5;
const REPLIES = 5;

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator({
    BREAKER_FAILURE_THRESHOLD: String(FAILURE_THRESHOLD),
    BREAKER_HALF_OPEN_SECONDS: String(HALF_OPEN_SECONDS),
    OUTBOX_RETRY_BASE_MS: '1000',
  });
  admin = await server.login();
}, 60_000);
afterAll(() => server.close());

async function reply(waId: string, i: number): Promise<{ conversationId: string; messageId: string }> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'alguém aí?' })] }));
  const conversation = (
    await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200')
  ).body.items.find((c) => c.contact.waId === waId)!;
  const res = await fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin}`,
      'content-type': 'application/json',
      'idempotency-key': `outage-reply-${i}`,
    },
    body: JSON.stringify({ type: 'text', body: `resposta ${i}` }),
  });
  expect(res.status).toBe(201);
  return { conversationId: conversation.id, messageId: ((await res.json()) as MessageDTO).id };
}

const shown = async (conversationId: string, messageId: string) =>
  (
    await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversationId}/messages?limit=200`)
  ).body.items.find((m) => m.id === messageId)!;

describe('WhatsApp failing for a minute', () => {
  it(
    'replies wait, the breaker opens and holds calls back, then every reply is delivered once',
    { timeout: 300_000 },
    async () => {
      server.sim.faults.set({ httpError: { count: 10_000, status: 503 } });
      const outageStarted = Date.now();
      const callsBefore = server.sim.sendRequestCount;
      // The first reply alone meets the outage: it takes the failures that open the breaker, then every probe.
      const replies = [await reply('551196300000', 0)];
      const channelId = (
        await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${replies[0]!.conversationId}`)
      ).body.channelId;
      await eventually(
        async () => server.app.outboxWorker.breakerState(channelId) === 'open',
        'the breaker to open',
        60_000,
      );
      for (let i = 1; i < REPLIES; i++) replies.push(await reply(`55119630000${i}`, i));

      await eventually(
        async () => server.sim.sendRequestCount - callsBefore >= FAILURE_THRESHOLD + FAILED_PROBES,
        'the outage to last through six failed probes',
        120_000,
      );
      for (const { conversationId, messageId } of replies)
        expect((await shown(conversationId, messageId)).status).toBe('queued');
      // While open, the only calls are one probe per half-open period: the threshold's worth, then the probes.
      const callsDuringOutage = server.sim.sendRequestCount - callsBefore;
      const probesPossible = Math.ceil((Date.now() - outageStarted) / (HALF_OPEN_SECONDS * 1000)) + 1;
      expect(callsDuringOutage).toBeLessThanOrEqual(FAILURE_THRESHOLD + probesPossible);
      server.sim.faults.clear();

      for (const { conversationId, messageId } of replies) {
        const delivered = await eventually(
          async () => {
            const m = await shown(conversationId, messageId);
            return m.status === 'read' ? m : undefined;
          },
          'the reply to be delivered and read',
          120_000,
        );
        expect(delivered.error).toBeNull();
        expect(server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId)).toHaveLength(1);
      }
      expect(server.app.outboxWorker.breakerState(channelId)).toBe('closed');
    },
  );
});
