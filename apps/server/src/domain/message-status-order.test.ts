import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { movesStatusBack, type ConversationEventDTO, type MessageDTO, type Page } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let admin: string;
const pushed: ConversationEventDTO[] = [];

beforeAll(async () => {
  // Sending off: the test plays the outbox's own answer and WhatsApp's status webhooks itself, racing them.
  server = await startTestServer({ OUTBOX_CONCURRENCY: '0' });
  admin = await server.login();
  server.app.events.on('conversation.changed', (event) => pushed.push(event));
});
afterAll(() => server.close());

/** A customer writes; an agent queues `count` replies. */
async function queuedReplies(waId: string, count: number): Promise<MessageDTO[]> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'hola' })] }));
  const contact = await server.app.models.Contact.findOne({ waId }).orFail();
  const conversation = await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail();
  const replies: MessageDTO[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': `status-order-${i}`,
      },
      body: JSON.stringify({ type: 'text', body: `reply ${i}` }),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    replies.push(body as MessageDTO);
  }
  return replies;
}

/** Each message's statuses in the order the log numbered its events (what every client applies). */
function statusesBySeq(messageId: string): MessageDTO['status'][] {
  return pushed
    .filter((e) => (e.type === 'message:created' || e.type === 'message:status-updated') && e.data.id === messageId)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => (e.data as MessageDTO).status);
}

describe('a reply status only moves forward', () => {
  it('in storage and in every push, whatever order the send answer and the status webhooks race in', async () => {
    const replies = await queuedReplies('5491100000001', 12);
    const { messages } = server.app.services;
    await Promise.all(
      replies.map(async (reply, i) => {
        const wamid = `wamid.order-${i}`;
        const at = new Date();
        const status = (s: 'sent' | 'delivered' | 'read') => ({ providerMessageId: wamid, status: s, at, error: null });
        // The outbox's answer (after a restart, its reconciliation) and three webhooks, all at once.
        await Promise.all([
          messages.markAccepted(new Types.ObjectId(reply.id), wamid, 1),
          messages.applyStatus(status('read')),
          messages.applyStatus(status('delivered')),
          messages.applyStatus(status('sent')),
          messages.applyStatus(status('read')),
        ]);
      }),
    );

    const page = await server.api<Page<MessageDTO>>(
      admin,
      'GET',
      `/api/conversations/${replies[0]!.conversationId}/messages?limit=50`,
    );
    for (const reply of replies) {
      expect(page.body.items.find((m) => m.id === reply.id)?.status).toBe('read');
      const seen = statusesBySeq(reply.id);
      expect(seen.at(-1)).toBe('read');
      const steps = seen.slice(1).map((next, i) => [seen[i]!, next] as const);
      expect(steps.filter(([current, next]) => movesStatusBack(current, next))).toEqual([]);
    }
  });
});
