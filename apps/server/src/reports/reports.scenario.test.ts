import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConversationDTO, MessageDTO, Page, ReportDTO } from '@switchboard/shared';
import { createWhatsAppSimulator, envelope, inbound, status } from '@switchboard/whatsapp-simulator';
import { startTestServer, TEST_ACCESS_TOKEN, TEST_SECRET, type TestServer } from '@switchboard/test-support/harness';

/**
 * A scripted day with known answers, on a clock the test moves: the server's `Date` is frozen and set by the
 * test (vitest fakes only Date; timers, sockets and the database run for real), so every moment the server
 * records is the one the script names, and each figure can be stated to the second.
 */
const START = new Date('2026-03-02T09:00:00Z');
const DAY = '2026-03-02';

let server: TestServer;
let sim: ReturnType<typeof createWhatsAppSimulator>;
let admin: string;
let agent: { id: string; token: string };

const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00Z`);

/**
 * Moves the clock in steps of 30 s, each once the server has refreshed the agent's presence: presence older
 * than 45 s counts as offline, and a real day's heartbeats never leave it that old.
 */
async function clockTo(hhmm: string) {
  while (Date.now() < at(hhmm).getTime()) {
    vi.setSystemTime(Math.min(Date.now() + 30_000, at(hhmm).getTime()));
    const now = new Date();
    await until(() => server.app.models.Presence.exists({ userId: agent.id, seenAt: { $gte: now } }), 'a heartbeat');
  }
}

/** Polls on real time (Date is frozen here), for work the server does after answering. */
async function until<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function customerWrites(waId: string, body: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body, timestamp: new Date() })] }));
}

async function conversationOf(waId: string, check: (c: ConversationDTO) => boolean): Promise<ConversationDTO> {
  return until(async () => {
    const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=50');
    const found = page.body.items.find((c) => c.contact.waId === waId);
    return found && check(found) ? found : undefined;
  }, `the conversation of ${waId}`);
}

let replies = 0;
async function reply(conversationId: string, body: string): Promise<MessageDTO> {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${agent.token}`,
      'content-type': 'application/json',
      'idempotency-key': `scenario-reply-${++replies}`,
    },
    body: JSON.stringify({ type: 'text', body }),
  });
  expect(res.status).toBe(201);
  const message = (await res.json()) as MessageDTO;
  // WhatsApp took it and the phone received it (the simulator reports both), before the clock moves on.
  return until(async () => {
    const page = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversationId}/messages`);
    const stored = page.body.items.find((m) => m.id === message.id);
    return stored?.statusTimestamps.delivered ? stored : undefined;
  }, 'the reply to be delivered');
}

async function resolve(conversationId: string) {
  expect((await server.api(agent.token, 'POST', `/api/conversations/${conversationId}/resolve`)).status).toBe(200);
}

async function report(query = ''): Promise<ReportDTO> {
  const res = await server.api<ReportDTO>(admin, 'GET', `/api/reports?from=${DAY}&to=${DAY}${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  sim = createWhatsAppSimulator({
    appSecret: TEST_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    // Delivered at once, read only when the script says so.
    statusDelaysMs: { sent: 10, delivered: 20, read: 60 * 60_000 },
  });
  const { url: simUrl } = await sim.start(0);
  server = await startTestServer({
    WHATSAPP_API_BASE_URL: simUrl,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    ROUTING_INTERVAL_MS: '100',
    REPORTS_FLUSH_MS: '100',
    REPORTS_BACKLOG_MINUTES: '5',
    // Nobody is away in this script: no conversation goes back to the queue.
    AGENT_GRACE_SECONDS: '86400',
  });
  sim.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  admin = await server.login();
  const queue = await server.api<{ id: string }>(admin, 'POST', '/api/queues', { name: 'Support', fallback: true });
  agent = await server.userWith('agent');
  await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queue.body.id], capacity: 1 });
  await server.connectSocket(agent.token);
  await until(async () => (await server.app.services.agentOnline.running()).length === 1, 'the agent online');
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  await server?.close();
  vi.useRealTimers();
});

describe('reports after a scripted day, against known answers', () => {
  it('counts every figure of the script exactly', async () => {
    // 09:00 a customer writes; the only agent takes it at once.
    await customerWrites('14155550101', 'Hello, my order has not arrived yet');
    const first = await conversationOf('14155550101', (c) => c.assigneeId === agent.id);
    // 09:02 the agent answers: the customer waited 2 minutes for a first response.
    await clockTo('09:02');
    const answer = await reply(first.id, 'Sorry about that, let me check your order.');
    // 09:04 a second customer writes; the agent is at capacity (1), so it waits.
    await clockTo('09:04');
    await customerWrites('5491155550102', 'Hola, tengo un problema con mi pago de ayer');
    const second = await conversationOf('5491155550102', (c) => c.routingState === 'waiting');
    // 09:06 the backlog is sampled (every 5 minutes): two open, one waiting for 2 minutes.
    await clockTo('09:06');
    await until(async () => (await report()).backlog.find((p) => p.at === at('09:06').toISOString()), 'a sample');
    // 09:10 the first is resolved after 10 minutes; the waiting one goes to the agent.
    await clockTo('09:10');
    await resolve(first.id);
    await conversationOf('5491155550102', (c) => c.assigneeId === agent.id);
    // 09:14 first response to the second customer, who had waited 10 minutes.
    await clockTo('09:14');
    await reply(second.id, 'Hola, ya lo reviso.');
    // 09:30 resolved (26 minutes after it opened).
    await clockTo('09:30');
    await resolve(second.id);
    // 09:40 the customer writes again: the conversation reopens and goes back to the agent.
    await clockTo('09:40');
    await customerWrites('5491155550102', 'Perdón, otra pregunta');
    await conversationOf('5491155550102', (c) => c.status === 'open' && c.assigneeId === agent.id);
    // 09:41 an answer (a next response, not a first), 09:50 resolved again, 10 minutes after reopening.
    await clockTo('09:41');
    await reply(second.id, 'Claro, dime.');
    await clockTo('09:50');
    await resolve(second.id);
    // The first customer reads the answer.
    await server.deliver(
      envelope({ statuses: [status.read({ id: answer.providerMessageId!, recipientId: '14155550101' })] }),
    );

    let last: ReportDTO | undefined;
    const figures = await until(async () => {
      last = await report();
      return last.totals.resolved === 3 && last.delivery.read === 1 && last.sla[1]!.met === 1 ? last : undefined;
    }, 'the figures of the script').catch((error: Error) => {
      throw new Error(`${error.message}; the last report: ${JSON.stringify(last)}`);
    });

    expect(figures.totals).toEqual({
      opened: 2,
      reopened: 1,
      resolved: 3,
      reopenRate: 1 / 3,
      messagesIn: 3,
      messagesOut: 3,
    });
    // simple-statistics interpolates between ranks (as spreadsheets' PERCENTILE.INC does).
    expect(figures.firstResponse).toEqual({ count: 2, median: 360, p90: 552 });
    expect(figures.resolution).toEqual({ count: 3, median: 600, p90: 1368 });
    expect(figures.sla).toEqual([
      { kind: 'first_response', met: 2, breached: 0, metRatio: 1 },
      { kind: 'next_response', met: 1, breached: 0, metRatio: 1 },
      { kind: 'resolution', met: 3, breached: 0, metRatio: 1 },
    ]);
    expect(figures.volume).toEqual([{ day: DAY, opened: 2, resolved: 3, messagesIn: 3, messagesOut: 3 }]);
    expect(figures.volumeByHour[9]).toEqual({ hour: 9, opened: 2, messagesIn: 3 });
    expect(figures.volumeByHour.filter((h) => h.hour !== 9).every((h) => h.opened === 0)).toBe(true);
    expect(figures.backlog.find((p) => p.at === at('09:06').toISOString())).toEqual({
      at: at('09:06').toISOString(),
      open: 2,
      waiting: 1,
      oldestWaitSeconds: 120,
    });
    expect(figures.delivery).toEqual({ outbound: 3, delivered: 3, read: 1, deliveredRatio: 1, readRatio: 1 / 3 });
    const [row] = figures.agents;
    expect(figures.agents).toHaveLength(1);
    // Handle time: 09:00-09:10, 09:10-09:30, 09:40-09:50. Online since 09:00, the clock now at 09:50.
    expect(row).toMatchObject({ agentId: agent.id, handled: 3, resolved: 3, averageHandleSeconds: 800 });
    expect(row!.firstResponseMedianSeconds).toBe(360);
    expect(row!.onlineSeconds).toBe(50 * 60);

    // Filters: the Spanish conversation alone.
    const spanish = await report('&language=es');
    expect(spanish.totals).toMatchObject({ opened: 1, reopened: 1, resolved: 2 });
    expect(spanish.firstResponse).toEqual({ count: 1, median: 600, p90: 600 });
  }, 180_000);

  it('exports a table as CSV with a header row', async () => {
    const res = await fetch(`${server.url}/api/reports/export?from=${DAY}&to=${DAY}&table=volume`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await res.text()).trim().split('\n')).toEqual([
      'day,opened,resolved,messagesIn,messagesOut',
      `${DAY},2,3,3,3`,
    ]);
  });

  it('refuses a bad range naming the field, and agents', async () => {
    const bad = await server.api<{ error: { details: { path: string }[] } }>(
      admin,
      'GET',
      `/api/reports?from=${DAY}&to=2026-03-01`,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.to');
    expect((await server.api(agent.token, 'GET', `/api/reports?from=${DAY}&to=${DAY}`)).status).toBe(403);
  });
});
