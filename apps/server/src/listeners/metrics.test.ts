import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page, QueueDTO } from '@switchboard/shared';
import { eventually, startTestServer, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { parseExposition, samplesOf, valueOf, type Sample } from '@switchboard/test-support/prometheus-text';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
});
afterAll(() => server.close());

async function scrape(headers: Record<string, string> = {}): Promise<Sample[]> {
  const res = await fetch(`${server.url}/metrics`, { headers });
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

/** Scrapes until `check` holds, for counters moved by work the server does after answering. */
const scrapeUntil = (check: (m: Sample[]) => boolean, what: string) =>
  eventually(async () => {
    const m = await scrape();
    return check(m) ? m : undefined;
  }, what);

const reply = (conversationId: string, key: string, text: string) =>
  fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ type: 'text', body: text }),
  });

describe('GET /metrics after real traffic', () => {
  it('follows one customer message from webhook to push, its wait in a queue, the claim and the reply', async () => {
    const queue = (
      await server.api<QueueDTO>(admin, 'POST', '/api/queues', { name: 'Metrics desk', fallback: true, mode: 'manual' })
    ).body;
    const socket = await server.connectSocket(admin);
    const pushed = new Promise((resolve) =>
      socket.on('conversation:changes', (events) => events.some((e) => e.type === 'message:created') && resolve(null)),
    );

    await server.deliver(
      envelope({ messages: [inbound.text({ from: '34600111222', body: 'hola, mi pedido no llegó' })] }),
    );
    await pushed;
    // The worker counts a webhook once its whole step ends, which can be just after the push went out.
    let m = await scrapeUntil(
      (s) =>
        valueOf(s, 'switchboard_queue_waiting', { queue: queue.id }) === 1 &&
        (valueOf(s, 'switchboard_webhook_processing_total', { outcome: 'done' }) ?? 0) > 0,
      'the conversation to wait in its queue, its webhook processed',
    );
    expect(valueOf(m, 'switchboard_webhook_messages_total')).toBe(1);
    expect(valueOf(m, 'switchboard_webhook_processing_total', { outcome: 'done' })).toBe(1);
    expect(valueOf(m, 'switchboard_webhook_intake_lag_seconds_count')).toBe(1);
    expect(valueOf(m, 'switchboard_webhook_to_push_seconds_count')).toBe(1);
    expect(valueOf(m, 'switchboard_webhook_intake_backlog')).toBe(0);
    expect(valueOf(m, 'switchboard_queue_oldest_wait_seconds', { queue: queue.id })).toBeGreaterThan(0);
    expect(valueOf(m, 'switchboard_queue_info', { queue: queue.id, name: 'Metrics desk' })).toBe(1);
    expect(valueOf(m, 'switchboard_sockets_connected')).toBe(1);
    expect(valueOf(m, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // The round trips behind it: the webhook's durable insert and the message's own, each counted and timed.
    expect(
      valueOf(m, 'switchboard_db_commands_total', { collection: 'webhook_intake', command: 'insert', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(m, 'switchboard_db_commands_total', { collection: 'messages', command: 'insert', outcome: 'ok' }),
    ).toBe(1);
    expect(valueOf(m, 'switchboard_db_command_duration_seconds_count', { command: 'insert' })).toBeGreaterThanOrEqual(
      2,
    );

    const [conversation] = (await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=10')).body
      .items;
    expect((await server.api(admin, 'POST', `/api/conversations/${conversation!.id}/claim`)).status).toBe(200);
    expect((await reply(conversation!.id, 'metrics-reply-1', 'Lo reviso ahora mismo')).status).toBe(201);

    m = await scrapeUntil(
      (s) => valueOf(s, 'switchboard_outbound_attempts_total', { result: 'accepted', code: 'none' }) === 1,
      'the reply to reach WhatsApp',
    );
    expect(valueOf(m, 'switchboard_assignments_total', { queue: queue.id, how: 'claim' })).toBe(1);
    expect(valueOf(m, 'switchboard_queue_waiting', { queue: queue.id })).toBe(0);
    expect(valueOf(m, 'switchboard_breaker_state', { channel: conversation!.channelId })).toBe(0);
    expect(
      valueOf(m, 'switchboard_http_requests_total', {
        method: 'POST',
        route: '/api/conversations/:id/claim',
        status: '200',
      }),
    ).toBe(1);
    expect(
      valueOf(m, 'switchboard_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/conversations/:id/messages',
        status: '201',
      }),
    ).toBe(1);
    expect(
      valueOf(m, 'switchboard_http_requests_total', { method: 'POST', route: '/webhooks/whatsapp', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("counts failed sends by result and code, and shows the channel's breaker open", async () => {
    await server.deliver(envelope({ messages: [inbound.text({ from: '34600333444', body: 'sigo esperando' })] }));
    const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=10');
    const conversation = page.body.items.find((c) => c.contact.waId === '34600333444')!;
    server.sim.faults.set({ httpError: { count: 1000, status: 503 } });
    try {
      expect((await reply(conversation.id, 'metrics-reply-2', 'ya va')).status).toBe(201);
      const m = await scrapeUntil(
        (s) => valueOf(s, 'switchboard_breaker_state', { channel: conversation.channelId }) === 2,
        'the breaker to open',
      );
      const failed = samplesOf(m, 'switchboard_outbound_attempts_total', { result: 'retryable' });
      expect(failed.reduce((sum, s) => sum + s.value, 0)).toBe(5);
    } finally {
      server.sim.faults.clear();
    }
  });

  it('counts SLA warnings and breaches by kind and level', async () => {
    await server.deliver(envelope({ messages: [inbound.text({ from: '5511944440001', body: 'preciso de ajuda' })] }));
    const contact = await server.app.models.Contact.findOne({ waId: '5511944440001' }).orFail();
    const conversation = await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail();
    const waitedMinutes = async (minutes: number) => {
      const at = new Date(Date.now() - minutes * 60_000);
      await server.app.models.Conversation.updateOne(
        { _id: conversation._id },
        { $set: { openedAt: at, lastInboundAt: at, firstUnansweredAt: at } },
      );
      await server.app.services.sla.sync(conversation._id);
    };
    await waitedMinutes(50);
    await scrapeUntil(
      (s) => valueOf(s, 'switchboard_sla_events_total', { kind: 'first_response', level: 'warning' }) === 1,
      'a first-response warning',
    );
    await waitedMinutes(80);
    await scrapeUntil(
      (s) => valueOf(s, 'switchboard_sla_events_total', { kind: 'first_response', level: 'breached' }) === 1,
      'a first-response breach',
    );
  });

  it('labels requests by route template, never by raw ids or unmatched paths', async () => {
    const id = '65a1b2c3d4e5f60718293a4b';
    expect((await server.api(admin, 'GET', `/api/conversations/${id}`)).status).toBe(404);
    expect((await server.api(admin, 'GET', `/api/no-such-thing/${id}`)).status).toBe(404);
    const m = await scrape();
    expect(
      valueOf(m, 'switchboard_http_requests_total', { method: 'GET', route: '/api/conversations/:id', status: '404' }),
    ).toBe(1);
    expect(valueOf(m, 'switchboard_http_requests_total', { method: 'GET', route: '(unmatched)', status: '404' })).toBe(
      1,
    );
    const routes = samplesOf(m, 'switchboard_http_requests_total').map((s) => s.labels.route!);
    expect(routes.filter((r) => /[0-9a-f]{24}|no-such-thing/.test(r))).toEqual([]);
  });
});

describe('who may read /metrics', () => {
  it('without METRICS_TOKEN: a scraper on this machine, not a request that came through a proxy', async () => {
    const local = await fetch(`${server.url}/metrics`);
    expect(local.status).toBe(200);
    expect(local.headers.get('content-type')).toContain('text/plain');
    const proxied = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect(((await proxied.json()) as { error: { message: string } }).error.message).toContain('METRICS_TOKEN');
  });

  it('with METRICS_TOKEN: only its bearer, loopback included', async () => {
    const token = 'metrics-token-0123456789';
    const guarded = await startTestServer({ METRICS_TOKEN: token });
    try {
      const read = (headers: Record<string, string>) => fetch(`${guarded.url}/metrics`, { headers });
      expect((await read({})).status).toBe(401);
      expect((await read({ authorization: 'Bearer metrics-token-wrong-000' })).status).toBe(401);
      const allowed = await read({ authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(valueOf(parseExposition(await allowed.text()), 'switchboard_sockets_connected')).toBe(0);
    } finally {
      await guarded.close();
    }
  });
});
