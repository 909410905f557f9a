import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound, signWebhookBody } from '@switchboard/whatsapp-simulator';
import {
  eventually,
  startPeerApp,
  startTestServer,
  TEST_SECRET,
  type PeerApp,
  type TestServer,
} from '@switchboard/test-support/harness';

let server: TestServer;
let second: PeerApp;
let secondUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  second = await startPeerApp(server);
  secondUrl = await second.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await second.close();
  await server.close();
});

function post(url: string, payload: unknown) {
  const body = JSON.stringify(payload);
  return fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, TEST_SECRET) },
    body,
  });
}

/** One customer's conversation, opened by a first message, then `count` more a minute apart, shuffled. */
async function customer(from: string, count: number) {
  const start = Math.floor(Date.now() / 1000) - 3600;
  await server.deliver(envelope({ messages: [inbound.text({ from, body: 'first', timestamp: start })] }));
  const contact = await server.app.models.Contact.findOne({ waId: from }).orFail();
  const conversationId = (await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail())._id;
  const later = Array.from({ length: count }, (_, i) => ({
    from,
    body: `message ${i + 1}`,
    timestamp: start + 60 * (i + 1),
  }));
  const shuffled = later
    .map((m, i) => ({ m, key: (i * 7919) % count }))
    .sort((a, b) => a.key - b.key)
    .map(({ m }) => m);
  return { conversationId, start, shuffled };
}

describe('two server processes counting one customer’s messages at once', () => {
  it(
    'each conversation ends with every message counted, and the newest one’s time and preview',
    { timeout: 180_000 },
    async () => {
      const later = 16;
      const customers = await Promise.all(Array.from({ length: 6 }, (_, i) => customer(`55119666000${i}`, later)));
      // Every customer's later messages at once, each split between the two processes.
      const answers = await Promise.all(
        customers.flatMap(({ shuffled }) =>
          shuffled.map((m, i) =>
            post(
              i % 2 ? secondUrl : server.url,
              envelope({ messages: [inbound.text({ from: m.from, body: m.body, timestamp: m.timestamp })] }),
            ),
          ),
        ),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      // Bounded by the test's own budget: on a machine whose cores are busy, 96 webhooks through two processes
      // take longer than the usual wait. What is left is named, should it never finish.
      await eventually(
        async () => {
          const left = await server.app.models.WebhookIntake.find({}, { status: 1, attempts: 1, lastError: 1 }).lean();
          if (left.length === 0) return true;
          throw new Error(`${left.length} left: ${JSON.stringify(left.slice(0, 3))}`);
        },
        'both processes to finish',
        90_000,
      );

      for (const { conversationId, start } of customers) {
        const conversation = await server.app.models.Conversation.findById(conversationId).orFail();
        expect(await server.app.models.Message.countDocuments({ conversationId })).toBe(later + 1);
        expect({
          count: conversation.messageCount,
          at: conversation.lastMessageAt?.getTime(),
          preview: conversation.lastMessagePreview,
        }).toEqual({
          count: later + 1,
          at: (start + 60 * later) * 1000,
          preview: `message ${later}`,
        });
        expect(conversation.firstUnansweredAt?.getTime()).toBe(start * 1000);
      }
    },
  );
});
