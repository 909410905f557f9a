import type { ConversationDTO, MessageDTO, Page, ReportDTO } from '@switchboard/shared';
import { envelope, inbound, status } from '@switchboard/whatsapp-simulator';
import type { TestServer } from './harness.js';

/**
 * A scripted day of support with known answers, shared by the server's report test and the desktop's reports
 * e2e. The caller freezes `Date` (vitest's fake Date; timers, sockets and the database run for real) and hands
 * in `setClock`, so every moment the server records is the one the script names.
 */
export const REPORT_DAY = '2026-03-02';
export const reportDayAt = (hhmm: string) => new Date(`${REPORT_DAY}T${hhmm}:00Z`);
/**
 * Where the clock must stand before the server starts: the users it seeds then would otherwise be newer than
 * the tokens the script signs in with, and those tokens refused.
 */
export const REPORT_DAY_START = reportDayAt('09:00');

/** The server settings the script needs: fast rollup flushes, a backlog sample every 5 minutes, nobody away. */
export const REPORT_DAY_ENV = {
  ROUTING_INTERVAL_MS: '100',
  REPORTS_FLUSH_MS: '100',
  REPORTS_BACKLOG_MINUTES: '5',
  AGENT_GRACE_SECONDS: '86400',
};
/** Delivered at once, read only when the script says so. */
export const REPORT_DAY_STATUS_DELAYS = { sent: 10, delivered: 20, read: 60 * 60_000 };

export const FIRST_CUSTOMER = '14155550101';
export const SECOND_CUSTOMER = '5491155550102';

/** Polls on real time (Date is frozen by the caller), for work the server does after answering. */
export async function untilReal<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  const deadline = performance.now() + 20_000;
  let failure: unknown;
  for (;;) {
    const value = await check().catch((error: unknown) => void (failure = error));
    if (value) return value;
    if (performance.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last failure: ${String(failure)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function reportOf(server: TestServer, token: string, query = ''): Promise<ReportDTO> {
  const res = await server.api<ReportDTO>(token, 'GET', `/api/reports?from=${REPORT_DAY}&to=${REPORT_DAY}${query}`);
  if (res.status !== 200) throw new Error(`report answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * 09:00 a customer writes and the only agent takes it; 09:02 first response (2 min); 09:04 a second customer
 * waits (the agent is at capacity); 09:05 backlog sample (2 open, 1 waiting 1 min); 09:10 the first is resolved
 * (10 min) and the second goes to the agent; 09:14 its first response (10 min); 09:30 resolved; 09:40 it reopens;
 * 09:41 a next response; 09:50 resolved again, the first customer reads the answer and the agent steps away.
 */
export async function playReportDay(server: TestServer, setClock: (at: Date) => void) {
  const admin = await server.login();
  const queue = await server.api<{ id: string }>(admin, 'POST', '/api/queues', { name: 'Support', fallback: true });
  const agent = await server.userWith('agent');
  await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queue.body.id], capacity: 1 });
  await server.connectSocket(agent.token);
  await untilReal(async () => (await server.app.services.agentOnline.running()).length === 1, 'the agent online');

  /** Moves the clock in 30 s steps, each once the agent's presence is refreshed (older than 45 s is offline). */
  async function clockTo(hhmm: string) {
    await logCaughtUp();
    while (Date.now() < reportDayAt(hhmm).getTime()) {
      setClock(new Date(Math.min(Date.now() + 30_000, reportDayAt(hhmm).getTime())));
      const now = new Date();
      await untilReal(() => server.app.models.Presence.exists({ userId: agent.id, seenAt: { $gte: now } }), 'a beat');
    }
  }
  /** Every change so far is in the conversation log (with the time it happened) before the clock moves. */
  const logCaughtUp = () =>
    untilReal(async () => {
      const { Conversation, ConversationEvent } = server.app.models;
      for (const c of await Conversation.find({}, { seq: 1 }).lean())
        if ((await ConversationEvent.countDocuments({ conversationId: c._id })) < c.seq) return false;
      await server.app.services.reportReducer.idle();
      return true;
    }, 'the conversation log');
  const customerWrites = (waId: string, body: string) =>
    server.deliver(envelope({ messages: [inbound.text({ from: waId, body, timestamp: new Date() })] }));
  /**
   * The conversation once its logged state passes `check`: the log stamps each change with the time it is
   * appended, a moment after the change is stored, so the clock may move only once the change is in the log.
   */
  const conversationOf = (waId: string, check: (c: ConversationDTO) => boolean) =>
    untilReal(async () => {
      const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=50');
      const found = page.body.items.find((c) => c.contact.waId === waId);
      if (!found) return undefined;
      const logged = await server.app.models.ConversationEvent.findOne(
        { conversationId: found.id, type: 'conversation:updated' },
        { data: 1 },
      )
        .sort({ seq: -1 })
        .lean();
      const state = logged?.data as ConversationDTO | undefined;
      if (state && check(state)) return state;
      throw new Error(`its last logged state: ${JSON.stringify(state && pick(state))}`);
    }, `the conversation of ${waId}`);
  const pick = ({ status, routingState, assigneeId }: ConversationDTO) => ({ status, routingState, assigneeId });
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
    if (res.status !== 201) throw new Error(`reply answered ${res.status}: ${await res.text()}`);
    const message = (await res.json()) as MessageDTO;
    // WhatsApp took it and the phone received it (the simulator reports both), before the clock moves on.
    return untilReal(async () => {
      const page = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversationId}/messages`);
      const stored = page.body.items.find((m) => m.id === message.id);
      return stored?.statusTimestamps.delivered ? stored : undefined;
    }, 'the reply to be delivered');
  }
  async function resolve(conversationId: string) {
    const res = await server.api(agent.token, 'POST', `/api/conversations/${conversationId}/resolve`);
    if (res.status !== 200) throw new Error(`resolve answered ${res.status}`);
  }

  await customerWrites(FIRST_CUSTOMER, 'Hello, my order has not arrived yet');
  const first = await conversationOf(FIRST_CUSTOMER, (c) => c.assigneeId === agent.id);
  await clockTo('09:02');
  const answer = await reply(first.id, 'Sorry about that, let me check your order.');
  await clockTo('09:04');
  await customerWrites(SECOND_CUSTOMER, 'Hola, tengo un problema con mi pago de ayer');
  const second = await conversationOf(SECOND_CUSTOMER, (c) => c.routingState === 'waiting');
  // The clock stands at 09:05 until the 5-minute backlog sample is taken: it is taken at that moment exactly.
  await clockTo('09:05');
  const sampled = reportDayAt('09:05').toISOString();
  await untilReal(async () => (await reportOf(server, admin)).backlog.find((p) => p.at === sampled), 'a sample');
  await clockTo('09:10');
  await resolve(first.id);
  await conversationOf(SECOND_CUSTOMER, (c) => c.assigneeId === agent.id && c.routingState === 'assigned');
  await clockTo('09:14');
  await reply(second.id, 'Hola, ya lo reviso.');
  await clockTo('09:30');
  await resolve(second.id);
  await clockTo('09:40');
  await customerWrites(SECOND_CUSTOMER, 'Perdón, otra pregunta');
  // Routed again before the clock moves on.
  await conversationOf(SECOND_CUSTOMER, (c) => c.status === 'open' && c.routingState === 'assigned');
  await clockTo('09:41');
  await reply(second.id, 'Claro, dime.');
  await clockTo('09:50');
  await resolve(second.id);
  await server.deliver(
    envelope({ statuses: [status.read({ id: answer.providerMessageId!, recipientId: FIRST_CUSTOMER })] }),
  );
  // 09:50 the agent steps away: 50 minutes online, whatever the clock says afterwards.
  await server.api(agent.token, 'PUT', '/api/me/status', { status: 'away' });
  await untilReal(async () => (await server.app.services.agentOnline.running()).length === 0, 'the agent away');

  // Once every event of the script has reached the rollups.
  const figures = await untilReal(async () => {
    const last = await reportOf(server, admin);
    const counted = last.totals.resolved === 3 && last.delivery.read === 1 && last.sla[1]!.met === 1;
    return counted && last.agents[0]?.onlineSeconds ? last : undefined;
  }, 'the figures of the script');
  return { admin, agent, queueId: queue.body.id, first, second, figures };
}
