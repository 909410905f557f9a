import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login();
});
afterAll(() => server.close());

async function bodiesOf(waId: string, limit: number): Promise<string[]> {
  const conversations = await server.api<Page<ConversationDTO>>(token, 'GET', '/api/conversations?limit=200');
  const conversation = conversations.body.items.find((c) => c.contact.waId === waId)!;
  const bodies: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page: Page<MessageDTO> = (
      await server.api<Page<MessageDTO>>(token, 'GET', `/api/conversations/${conversation.id}/messages?${query}`)
    ).body;
    bodies.push(...page.items.map((m) => (m.content.type === 'text' ? m.content.body : '?')));
    cursor = page.nextCursor;
  } while (cursor);
  return bodies;
}

describe('messages of the same second', () => {
  it('keep the order in which they arrived, on every page', async () => {
    const second = Math.floor(Date.now() / 1000) - 60;
    const waId = '5491177770000';
    const written = Array.from({ length: 12 }, (_, i) => `message ${i + 1}`);
    // In two webhooks, as WhatsApp batches them; every message carries the same timestamp.
    for (const part of [written.slice(0, 7), written.slice(7)]) {
      await server.deliver(
        envelope({ messages: part.map((body) => inbound.text({ from: waId, body, timestamp: second })) }),
      );
    }
    expect(await bodiesOf(waId, 200)).toEqual(written);
    expect(await bodiesOf(waId, 5)).toEqual(written);
  });
});
