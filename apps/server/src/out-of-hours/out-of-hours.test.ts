import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConversationDTO, MessageDTO, Page, TimelineEntryDTO } from '@switchboard/shared';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { untilReal } from '@switchboard/test-support/report-day';

/**
 * The out-of-hours reply on a clock the test moves (vitest fakes only Date; the database, sockets and timers
 * run for real). The queue opens Monday to Friday 09:00–18:00 UTC; Wednesday 4 March 2026 is a holiday.
 */
const at = (iso: string) => new Date(`${iso}Z`);
const MONDAY_EVENING = at('2026-03-02T20:00:00');
const REPLY = {
  en: 'We are closed now and answer from 09:00 UTC.',
  es: 'Ahora estamos cerrados y respondemos desde las 09:00 UTC.',
  pt: 'Estamos fechados agora e respondemos a partir das 09:00 UTC.',
};

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;

const customerWrites = (from: string, body: string) =>
  server.deliver(envelope({ messages: [inbound.text({ from, body })] }));

async function conversationOf(waId: string): Promise<ConversationDTO> {
  return untilReal(async () => {
    const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=100');
    return page.body.items.find((c) => c.contact.waId === waId);
  }, `the conversation of ${waId}`);
}

/** What the thread holds that the server sent on its own (no agent wrote it). */
async function automaticReplies(waId: string): Promise<string[]> {
  const { id } = await conversationOf(waId);
  const page = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${id}/messages?limit=100`);
  return page.body.items
    .filter((m) => m.direction === 'outbound' && m.authorId === null && m.content.type === 'text')
    .map((m) => (m.content.type === 'text' ? m.content.body : ''));
}

async function timelineKinds(waId: string): Promise<string[]> {
  const { id } = await conversationOf(waId);
  const res = await server.api<{ items: TimelineEntryDTO[] }>(admin, 'GET', `/api/conversations/${id}/timeline`);
  return res.body.items.map((e) => e.kind);
}

/** The texts WhatsApp (the simulator) took for this customer, once it has taken `count` of them. */
const receivedBy = (waId: string, count: number) =>
  untilReal(async () => {
    const texts = server.sim.sentMessages
      .filter((m) => m.waId === waId && m.type === 'text')
      .map((m) => (m.request as { text: { body: string } }).text.body);
    return texts.length >= count ? texts : undefined;
  }, `${count} message(s) to ${waId}`);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MONDAY_EVENING);
  // A week of the test's clock passes: the admin's session outlives it.
  server = await startTestServerWithSimulator({ ROUTING_INTERVAL_MS: '100', JWT_TTL_HOURS: String(24 * 30) });
  admin = await server.login();
  const weekday = [{ start: '09:00', end: '18:00' }];
  const queue = await server.api(admin, 'POST', '/api/queues', {
    name: 'Support',
    fallback: true,
    businessHours: {
      timezone: 'UTC',
      weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
      holidays: ['2026-03-04'],
    },
    outOfHours: { enabled: true, messages: REPLY },
  });
  expect(queue.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await server?.close();
  vi.useRealTimers();
});

describe('the out-of-hours reply', () => {
  it('answers once per closed period, again in the next one; a holiday extends the closed period', async () => {
    const waId = '14155550701';
    await customerWrites(waId, 'Hello, my order has not arrived');
    await customerWrites(waId, 'Are you there?');
    expect(await automaticReplies(waId)).toEqual([REPLY.en]);
    expect(await receivedBy(waId, 1)).toEqual([REPLY.en]);

    vi.setSystemTime(at('2026-03-03T07:30:00')); // Tuesday before opening: the same closed period
    await customerWrites(waId, 'Anyone?');
    expect(await automaticReplies(waId)).toEqual([REPLY.en]);

    vi.setSystemTime(at('2026-03-03T19:00:00')); // Tuesday evening: the next closed period
    await customerWrites(waId, 'Still waiting for my order');
    expect(await automaticReplies(waId)).toEqual([REPLY.en, REPLY.en]);

    // Wednesday is a holiday: closed from Tuesday 18:00 to Thursday 09:00, one period.
    vi.setSystemTime(at('2026-03-04T12:00:00'));
    await customerWrites(waId, 'Hello again');
    expect(await automaticReplies(waId)).toEqual([REPLY.en, REPLY.en]);
    expect(await receivedBy(waId, 2)).toEqual([REPLY.en, REPLY.en]);
    expect((await timelineKinds(waId)).filter((k) => k === 'out-of-hours-reply')).toHaveLength(2);
  });

  it('sends nothing while the queue is open', async () => {
    vi.setSystemTime(at('2026-03-05T10:00:00')); // Thursday morning
    const waId = '14155550702';
    await customerWrites(waId, 'Hello, my order has not arrived');
    expect(await automaticReplies(waId)).toEqual([]);
    expect(await timelineKinds(waId)).not.toContain('out-of-hours-reply');
  });

  it('answers in the conversation’s language', async () => {
    vi.setSystemTime(at('2026-03-05T22:00:00'));
    await customerWrites('5491155550703', 'Hola, mi pago fue rechazado y necesito ayuda');
    await customerWrites('5511955550704', 'Olá, meu pagamento foi recusado e preciso de ajuda');
    expect(await receivedBy('5491155550703', 1)).toEqual([REPLY.es]);
    expect(await receivedBy('5511955550704', 1)).toEqual([REPLY.pt]);
  });

  it('sends nothing to a customer who opted out, and says why in the history', async () => {
    vi.setSystemTime(at('2026-03-06T21:00:00'));
    const waId = '14155550705';
    await customerWrites(waId, 'Hello, my order has not arrived');
    await customerWrites(waId, 'STOP');
    vi.setSystemTime(at('2026-03-09T20:00:00')); // the next closed period
    await customerWrites(waId, 'Where is my parcel?');
    const sent = await automaticReplies(waId);
    expect(sent.filter((text) => text === REPLY.en)).toHaveLength(1); // the one before STOP
    expect(sent).toHaveLength(2); // and the confirmation of the STOP
    expect(await timelineKinds(waId)).toContain('out-of-hours-skipped');
  });
});
