import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { ConversationEventDTO } from '@switchboard/shared';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { keyedId } from '../lib/keyed-id.js';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ INTAKE_CONCURRENCY: '1' });
});
afterAll(() => server.close());

/**
 * A new conversation once triage, routing and the SLA clock have logged what its first message set off, so the
 * test's own writers meet no background writer (which would move the log past a dead writer's change).
 */
async function conversationOf(from: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from, body: 'oi' })] }));
  const { Conversation, ConversationEvent } = server.app.models;
  return eventually(async () => {
    const c = await Conversation.findOne({ status: 'open' }).sort({ openedAt: -1 }).orFail();
    const settled = c.routingState !== null && c.slaKind && c.slaDueAt;
    return settled && (await ConversationEvent.countDocuments({ conversationId: c._id })) === c.seq ? c : null;
  }, 'the new conversation settled');
}

function pushes() {
  const seen: ConversationEventDTO[] = [];
  server.app.events.on('conversation.changed', (event) => seen.push(event));
  return seen;
}

const note = (
  conversationId: Types.ObjectId,
  channelId: Types.ObjectId,
  dedupeKey: string,
  summary = 'after a crash',
) => ({
  conversationId,
  channelId,
  type: 'timeline:added' as const,
  dedupeKey,
  data: { kind: 'escalated' as const, summary, details: {}, actorId: null },
});

const logOf = (conversationId: Types.ObjectId) => server.app.services.log.since(conversationId, 0, 1000);

/**
 * Stores `change` at the conversation's next number the way a writer that died mid-append leaves it: the event
 * stored, the conversation's seq not moved. Triage, routing and the SLA clock keep logging to a new
 * conversation meanwhile; if one of them takes the number first, the dead writer would have lost that race too:
 * read the seq again and store at the next.
 */
async function storeAsDeadWriter(conversationId: Types.ObjectId, change: ReturnType<typeof note>): Promise<number> {
  const { models } = server.app;
  for (;;) {
    const { seq: current, id } = await models.Conversation.findById(conversationId).orFail();
    const newest = await models.ConversationEvent.findOne({ conversationId }).sort({ seq: -1 });
    const seq = Math.max(current, newest?.seq ?? 0) + 1;
    try {
      await models.ConversationEvent.create({ _id: keyedId('event', `${id}:${seq}`), ...change, seq, at: new Date() });
      return seq;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
}

/** The summaries of the log's notes among `wanted`, in the log's order (triage and routing add notes of their own). */
const summariesIn = (log: ConversationEventDTO[], wanted: string[]) =>
  log.flatMap((e) => (e.type === 'timeline:added' && wanted.includes(e.data.summary) ? [e.data.summary] : []));

describe('the conversation log', () => {
  it('takes a change once when its writers race, every number with its event, none skipped', async () => {
    const conversation = await conversationOf('5511960000001');
    const seen = pushes();
    const same = note(conversation._id, conversation.channelId, 'race:same');
    const others = Array.from({ length: 6 }, (_, i) =>
      note(conversation._id, conversation.channelId, `race:other-${i}`, `other ${i}`),
    );
    const appended = await Promise.all([
      ...Array.from({ length: 6 }, () => server.app.services.log.append(same)),
      ...others.map((c) => server.app.services.log.append(c)),
    ]);

    // One of the racers took it; the others found it, or (once the log had moved past it) knew it was there.
    const found = appended.slice(0, 6).filter((e) => e !== null);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((e) => e.id)).size).toBe(1);
    const log = await logOf(conversation._id);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(log.filter((e) => e.type === 'timeline:added' && e.data.summary === 'after a crash')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'timeline:added' && e.data.summary.startsWith('other '))).toHaveLength(6);
    // The seq moved to the end of the log (triage or the SLA clock may have logged more since it was read).
    expect((await server.app.models.Conversation.findById(conversation._id).orFail()).seq).toBeGreaterThanOrEqual(
      log.length,
    );
    // Each new change reached clients; a repeat that lost the race may announce its event again, never a new one.
    const ours = (events: ConversationEventDTO[]) =>
      new Set(
        events
          .filter(
            (e) =>
              e.conversationId === conversation.id &&
              e.type === 'timeline:added' &&
              /^(after a crash|other \d)$/.test(e.data.summary),
          )
          .map((e) => e.seq),
      );
    expect(ours(seen)).toEqual(ours(log));
  });
});

describe('a change whose writer died mid-append', () => {
  it('is found, not appended twice, and pushed when the dead one had stored it without announcing it', async () => {
    const conversation = await conversationOf('5511960000002');
    const { models } = server.app;
    const change = note(conversation._id, conversation.channelId, 'crash-test:stored');
    // What the dead writer left: the event stored, the conversation's seq not moved, nothing announced.
    const seen = pushes();
    const seq = await storeAsDeadWriter(conversation._id, change);

    const event = await server.app.services.log.append(change);
    expect(event?.seq).toBe(seq);
    expect(seen.filter((e) => e.conversationId === conversation.id && e.seq === seq)).toHaveLength(1);
    expect((await models.Conversation.findById(conversation._id).orFail()).seq).toBeGreaterThanOrEqual(seq);
    const log = await logOf(conversation._id);
    expect(log.filter((e) => e.type === 'timeline:added' && e.data.summary === 'after a crash')).toHaveLength(1);
  });

  it('does not hold up the next change: it takes the number after the stored one', async () => {
    const conversation = await conversationOf('5511960000003');
    const seq = await storeAsDeadWriter(
      conversation._id,
      note(conversation._id, conversation.channelId, 'crash-test:left'),
    );

    const next = await server.app.services.log.append(
      note(conversation._id, conversation.channelId, 'crash-test:next', 'the next one'),
    );
    expect(next?.seq).toBeGreaterThan(seq);
    const log = await logOf(conversation._id);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(summariesIn(log, ['after a crash', 'the next one'])).toEqual(['after a crash', 'the next one']);
  });
});

describe('several changes appended together', () => {
  // Triage, routing and SLA timers may log changes of their own to the same conversation meanwhile: the
  // assertions are about order and gaps, not exact numbers.
  const noGaps = (log: ConversationEventDTO[]) =>
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));

  it('keep their order in the log and in the pushes, and move the seq to the last', async () => {
    const conversation = await conversationOf('5511960000004');
    const seen = pushes();
    const summaries = ['first', 'second', 'third'];
    const events = await server.app.services.log.appendAll(
      summaries.map((summary) => note(conversation._id, conversation.channelId, `together:${summary}`, summary)),
    );

    const seqs = events.map((e) => e?.seq ?? 0);
    expect(seqs[0]).toBeGreaterThan(conversation.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(
      summariesIn(
        seen.filter((e) => e.conversationId === conversation.id),
        summaries,
      ),
    ).toEqual(summaries);
    const log = await logOf(conversation._id);
    noGaps(log);
    expect(summariesIn(log, summaries)).toEqual(summaries);
    expect((await server.app.models.Conversation.findById(conversation._id).orFail()).seq).toBeGreaterThanOrEqual(
      seqs[2]!,
    );
  });

  it('go on one by one from a number another writer holds, with no gap and no change lost', async () => {
    const conversation = await conversationOf('5511960000005');
    const { models } = server.app;
    // Another writer (in another process) holds the second number; this process has not seen it.
    const held = conversation.seq + 2;
    await models.ConversationEvent.create({
      _id: keyedId('event', `${conversation.id}:${held}`),
      ...note(conversation._id, conversation.channelId, 'elsewhere', 'elsewhere'),
      seq: held,
      at: new Date(),
    });

    const events = await server.app.services.log.appendAll(
      ['one', 'two', 'three'].map((summary) =>
        note(conversation._id, conversation.channelId, `around:${summary}`, summary),
      ),
    );
    expect(events.every((e) => e !== null && e.seq !== held)).toBe(true);
    const log = await logOf(conversation._id);
    noGaps(log);
    // Where 'elsewhere' falls depends on whether triage or the SLA clock logged to the conversation meanwhile;
    // what matters is that every change is there once, this writer's in order, around the held number.
    const mine = summariesIn(log, ['one', 'two', 'three']);
    expect(mine).toEqual(['one', 'two', 'three']);
    expect(summariesIn(log, ['elsewhere'])).toEqual(['elsewhere']);
    expect(log.find((e) => e.seq === held)).toMatchObject({ data: { summary: 'elsewhere' } });
  });

  it('skip a repeat of a change already logged and still log the rest', async () => {
    const conversation = await conversationOf('5511960000006');
    const logged = await server.app.services.log.append(
      note(conversation._id, conversation.channelId, 'again:first', 'first'),
    );
    const [repeat, second] = await server.app.services.log.appendAll([
      note(conversation._id, conversation.channelId, 'again:first', 'first'),
      note(conversation._id, conversation.channelId, 'again:second', 'second'),
    ]);
    expect(repeat === null || repeat?.id === logged?.id).toBe(true);
    expect(second?.seq).toBeGreaterThan(logged?.seq ?? Infinity);
    const log = await logOf(conversation._id);
    noGaps(log);
    expect(summariesIn(log, ['first', 'second'])).toEqual(['first', 'second']);
  });
});
