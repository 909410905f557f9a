import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Types, type Connection } from 'mongoose';
import type { ConversationEventDTO } from '@switchboard/shared';
import { ConversationLog } from '../domain/conversation-log.js';
import { DomainEvents } from '../domain/domain-events.js';
import { connectDatabase } from '../db/connect.js';
import { createLogger } from '../lib/logger.js';
import { createModels, type Models } from '../models/index.js';
import { eventually, freshDatabaseName } from '@switchboard/test-support/harness';
import { InboundDeadLetters } from './dead-letters.js';
import { IntakeWorker } from './intake.worker.js';
import { WebhookIntakeStore } from './webhook-intake.store.js';
import type { ProcessResult } from './webhook.processor.js';

/**
 * The intake worker on a real database, with processing played by the test: each worker stands for a server
 * process (its own instance), and what processing does (succeed, fail, hang) is decided per call.
 */
let connection: Connection;
let models: Models;
let store: WebhookIntakeStore;
const running: IntakeWorker[] = [];
/** Processing the test holds; let go at the end, so a failed test does not leave a worker hanging. */
const holding: (() => void)[] = [];

beforeAll(async () => {
  connection = await connectDatabase(inject('mongoUri'), freshDatabaseName());
  models = createModels(connection);
  store = new WebhookIntakeStore(models);
});
afterEach(async () => {
  for (const release of holding.splice(0)) release();
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});
afterAll(() => connection.close());

const PROCESSED: ProcessResult = {
  messages: 1,
  statuses: 0,
  errors: 0,
  itemErrors: [],
  refused: [],
  conversationIds: [],
};

type Attempt = (body: string) => Promise<ProcessResult>;

/** How a process announces: its changes held per webhook, and re-announced after a takeover. */
type Announcing = { events: DomainEvents; log: ConversationLog };

function worker(attempt: Attempt, options: { leaseMs?: number; maxAttempts?: number; announcing?: Announcing } = {}) {
  const { announcing } = options;
  const logger = createLogger('silent');
  const deadLetters = new InboundDeadLetters(models, { process: attempt }, { leaseMs: 30_000, logger });
  const started = new IntakeWorker(
    models,
    { process: attempt },
    {
      concurrency: 1,
      maxAttempts: options.maxAttempts ?? 5,
      leaseMs: options.leaseMs ?? 30_000,
      pollMs: 50,
      logger,
      deadLetters,
      ...(announcing && {
        announceTogether: (work) => announcing.events.gather(work),
        announceAgain: (conversationId, from, until) =>
          announcing.log.announceAgain(new Types.ObjectId(conversationId), from, until),
      }),
    },
  );
  running.push(started);
  started.start();
  return started;
}

/** A promise the test settles when it likes: processing that hangs until told how it ended. */
function held() {
  let settle!: (error?: Error) => void;
  const done = new Promise<ProcessResult>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve(PROCESSED));
  });
  holding.push(() => settle());
  return { done, settle };
}

const archived = (id: string) => models.WebhookArchive.findById(id);
/** The webhook as archived once its intake entry is gone too: the worker archives first, then deletes it. */
const finished = async (id: string) =>
  (await models.WebhookIntake.countDocuments({ _id: id })) === 0 ? archived(id) : undefined;

describe('webhook intake workers', () => {
  it('two processes handed the same webhook at once: one of them processes it, once', async () => {
    const calls: string[] = [];
    const record: Attempt = async (body) => {
      calls.push(body);
      return PROCESSED;
    };
    const a = worker(record);
    const b = worker(record);
    const id = await store.store('{"raced":true}');
    a.hand(id);
    b.hand(id);
    const done = await eventually(() => finished(id), 'the webhook to be archived and gone from the intake');
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
    expect(calls).toEqual(['{"raced":true}']);
  });

  it('a failed attempt is retried later, and the webhook ends done with its attempts counted', async () => {
    let calls = 0;
    const id = await store.store('{"flaky":true}');
    worker(async () => {
      calls += 1;
      if (calls < 3) throw new Error(`database hiccup ${calls}`);
      return PROCESSED;
    }).hand(id);
    const done = await eventually(() => archived(id), 'the webhook to be processed on its third attempt');
    expect(done).toMatchObject({ status: 'done', attempts: 3, lastError: 'database hiccup 2' });
    expect(calls).toBe(3);
  });

  it('a webhook that keeps failing is archived as failed and dead-lettered with the last error, after the allowed attempts', async () => {
    let calls = 0;
    const id = await store.store('{"broken":true}');
    worker(
      async () => {
        calls += 1;
        throw new Error('cannot apply');
      },
      { maxAttempts: 2 },
    ).hand(id);
    const failed = await eventually(() => archived(id), 'the webhook to be given up on');
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: 'cannot apply' });
    expect(calls).toBe(2);
    expect(await models.WebhookDeadLetter.findById(id)).toMatchObject({
      kind: 'failed',
      reason: 'cannot apply',
      attempts: 2,
      rawBody: '{"broken":true}',
    });
  });

  it('a process that overran its lease loses the webhook to another, and its late failure does not hand it out again', async () => {
    const nextBody = '{"next":true}';
    const first = held();
    const second = held();
    const attempts: string[] = [];
    const id = await store.store('{"slow":true}');
    // The first process takes it and hangs past its lease.
    const firstProcess = worker(
      async (body) => {
        if (body === nextBody) return PROCESSED;
        attempts.push('first');
        return first.done;
      },
      { leaseMs: 300 },
    );
    firstProcess.hand(id);
    await eventually(() => Promise.resolve(attempts.length === 1), 'the first process to take the webhook');
    // The second finds the lapsed lease in its scan and takes attempt 2.
    worker(async () => {
      attempts.push('second');
      return second.done;
    });
    await eventually(() => Promise.resolve(attempts.length === 2), 'the second process to take over');
    // The first fails now: the webhook is the second's, so it stays taken instead of going back to pending.
    first.settle(new Error('timed out'));
    // A worker finishes one item before it takes the next: once the first has done the next webhook handed to
    // it, its handling of the failure is over.
    const next = await store.store(nextBody);
    firstProcess.hand(next);
    await eventually(() => archived(next), 'the first process to move on to the next webhook');
    expect(await models.WebhookIntake.findById(id)).toMatchObject({ status: 'processing', attempts: 2 });
    second.settle();
    expect(await eventually(() => archived(id), 'the second process to finish')).toMatchObject({
      status: 'done',
      attempts: 2,
    });
    expect(attempts).toEqual(['first', 'second']);
  });

  it('a process that dies between storing a webhook’s changes and pushing them has them pushed by the one that takes over', async () => {
    const conversationId = new Types.ObjectId();
    const channelId = new Types.ObjectId();
    await models.Conversation.create({
      _id: conversationId,
      channelId,
      contactId: new Types.ObjectId(),
      status: 'open',
      openKey: `died-${conversationId.toHexString()}`,
      openedAt: new Date(),
    });
    const process = () => {
      const events = new DomainEvents();
      const pushed: ConversationEventDTO[] = [];
      events.on('conversation.changed', (event) => pushed.push(event));
      return { events, log: new ConversationLog(models, events), pushed };
    };
    const dying = process();
    const takingOver = process();
    const hang = held();
    const id = await store.store('{"dies":true}');
    // The first process stores the message and its routing, which its webhook holds to push together, and dies.
    worker(
      async () => {
        await dying.log.appendAll([
          { conversationId, channelId, type: 'message:created', dedupeKey: 'm1', data: { id: 'm1' } as never },
          { conversationId, channelId, type: 'conversation:updated', dedupeKey: 'u1', data: {} as never },
        ]);
        return hang.done;
      },
      { leaseMs: 300, announcing: dying },
    ).hand(id);
    await eventually(
      async () => (await models.Conversation.findById(conversationId))?.seq === 2,
      'the first process to store both changes',
    );
    // The second takes the lapsed lease; applying the webhook again stores nothing new (every write is keyed).
    worker(async () => ({ ...PROCESSED, conversationIds: [conversationId.toHexString()] }), {
      announcing: takingOver,
    });
    await eventually(() => archived(id), 'the second process to finish the webhook');
    expect(dying.pushed).toEqual([]);
    expect(takingOver.pushed.map((e) => [e.seq, e.type])).toEqual([
      [1, 'message:created'],
      [2, 'conversation:updated'],
    ]);
  });
});
