import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { createLogger } from '../lib/logger.js';

type Line = Record<string, unknown>;
const written: string[] = [];
const lines: Line[] = [];
/** The server's real log output, line by line, as it would reach stdout. */
const sink = {
  write(chunk: string) {
    written.push(chunk);
    lines.push(JSON.parse(chunk) as Line);
  },
};

const PHONE = '34699887766';
const CUSTOMER_TEXT = 'mi pedido secreto ABC-123 no llega';
const REPLY_TEXT = 'respuesta confidencial para el cliente';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator({}, { logger: createLogger('info', sink) });
  admin = await server.login();
});
afterAll(() => server.close());

describe('one correlation id from webhook to push to reply to status', () => {
  it('is on every line about the message, and no line holds the phone number or either text', async () => {
    await server.connectSocket(admin);
    const answer = await server.postWebhook(
      envelope({ messages: [inbound.text({ from: PHONE, body: CUSTOMER_TEXT })] }),
    );
    expect(answer.status).toBe(200);
    const id = answer.headers.get('x-request-id')!;
    expect(id).toBeTruthy();
    const { stored } = (await answer.json()) as { stored: string };
    await eventually(() => server.app.models.WebhookArchive.findById(stored), 'the webhook to be processed');

    const conversation = await eventually(async () => {
      const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=10');
      return page.body.items.find((c) => c.contact.waId === PHONE);
    }, 'the conversation');
    const reply = await fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': 'logs-reply-1',
      },
      body: JSON.stringify({ type: 'text', body: REPLY_TEXT }),
    });
    expect(reply.status).toBe(201);
    const replyId = ((await reply.json()) as MessageDTO).id;
    const statusPush = (l: Line) =>
      l.event === 'message:status-updated' && l.messageId === replyId && l.status === 'read';
    await eventually(async () => lines.some(statusPush), 'the read status of the reply to be pushed');

    const thread = lines.filter((l) => l.correlationId === id);
    const saw = (what: string, match: (l: Line) => boolean) => expect(thread.some(match), what).toBe(true);
    saw('the webhook request', (l) => l.method === 'POST' && l.url === '/webhooks/whatsapp' && l.status === 200);
    saw('its processing', (l) => l.msg === 'webhook processed' && l.messages === 1);
    saw('the push to agents', (l) => l.event === 'message:created' && l.direction === 'inbound');
    saw(
      "the reply's push",
      (l) =>
        l.event === 'message:created' && l.messageId === replyId && l.requestId === reply.headers.get('x-request-id'),
    );
    saw("the reply's send", (l) => l.msg === 'message sent: WhatsApp accepted it' && l.messageId === replyId);
    const status = thread.find(statusPush);
    expect(status?.requestId, 'the status webhook is its own request, logged under the thread').toEqual(
      expect.any(String),
    );
    expect(status?.requestId).not.toBe(id);

    const everything = written.join('');
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(CUSTOMER_TEXT);
    expect(everything).not.toContain(REPLY_TEXT);
  });

  it('logs each request once at info when answered, with the phone numbers in its URL masked; probes are not logged', async () => {
    const res = await fetch(`${server.url}/api/no-such-page?customer=${PHONE}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(404);
    const probe = await fetch(`${server.url}/healthz`);
    expect(probe.status).toBe(200);

    const id = res.headers.get('x-request-id');
    const access = await eventually(async () => {
      const found = lines.filter((l) => l.requestId === id && l.msg === 'request completed');
      return found.length > 0 ? found : undefined;
    }, 'the access line');
    expect(access).toEqual([
      expect.objectContaining({
        level: 30,
        correlationId: id,
        method: 'GET',
        url: '/api/no-such-page?customer=34*****7766',
        status: 404,
        responseTime: expect.any(Number),
      }),
    ]);
    expect(lines.some((l) => l.requestId === probe.headers.get('x-request-id'))).toBe(false);
  });

  it('keeps a caller-supplied X-Request-Id that is a plain token, and replaces one that is not', async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'edge-proxy-7f3a9c' } });
    expect(given.headers.get('x-request-id')).toBe('edge-proxy-7f3a9c');
    const forged = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'x","level":60,"msg":"forged' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
