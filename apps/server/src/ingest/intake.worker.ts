import { withCorrelation } from '../lib/correlation.js';
import type { Logger } from '../lib/logger.js';
import { PollingLoop } from '../lib/polling-loop.js';
import { Types } from 'mongoose';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { WebhookIntakeDoc } from '../models/webhook-intake.model.js';
import { recordOf, type InboundDeadLetters } from './dead-letters.js';
import { failureOf, refusalOf } from './intake-failure.js';
import type { IntakeOutcome } from './intake-metrics.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** What the worker needs of a processor: apply one stored body, throw to have it retried. */
type Processor = Pick<WebhookProcessor, 'process'>;

type Options = {
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  pollMs?: number;
  logger: Logger;
  /** Where a webhook goes that cannot be applied in full: retries run out, or items refused. */
  deadLetters: Pick<InboundDeadLetters, 'record'>;
  /** Told about every item worked on (for metrics). */
  observe?: (report: IntakeOutcome) => void;
  /**
   * Runs a webhook's processing so that the changes it makes are announced together when it ends, each to
   * whoever sees its conversation by then (DomainEvents.gather).
   */
  announceTogether?: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * Announces again what a conversation logged in [from, until). Called for a webhook taken over from a
   * process that died working on it: the changes it stored were held to be announced together, and may never
   * have been (ConversationLog.announceAgain).
   */
  announceAgain?: (conversationId: string, from: Date, until: Date) => Promise<void>;
};

/** A claimed attempt, and when the attempt it took over from (a lapsed lease) had started. */
type Claimed = { item: WebhookIntakeDoc; takenOverFrom: Date | null };

const BASE_RETRY_MS = 500;
const MAX_RETRY_MS = 60_000;
const CLAIM_CANDIDATES = 8;
/** Items stored here and handed straight to this process's workers; more than this wait for the scan. */
const MAX_HANDED = 10_000;

/** Free to take: pending and due, or processing under a lease that ran out (its worker died). */
const freeAt = (now: Date) => ({
  $or: [
    { status: 'pending', nextAttemptAt: { $lte: now } },
    { status: 'processing', leaseUntil: { $lt: now } },
  ],
});

/**
 * Works through stored webhooks. Each attempt is claimed by a conditional update of the item that sets its
 * lease, so several server processes can share the work and a process that dies mid-item has its item picked
 * up when the lease runs out.
 * Retries back off exponentially with jitter and are stored with the item, so they survive restarts too.
 * A webhook whose retries run out, or whose items the schemas refused, is archived and dead-lettered: listed
 * for supervisors with its reason, to be replayed once fixed.
 *
 * A webhook this process stored is handed to one of its workers by id: claiming it is one update by _id. The
 * scan for due items (a query the embedded database answers by reading the whole queue, bodies and all, so
 * its cost grows with the backlog) runs only when nothing was handed, and after a scan that found nothing to
 * take, not again before the next poll: it finds retries, items of processes that died or only store, and
 * whatever the hand-off dropped.
 */
export class IntakeWorker {
  private readonly loop: PollingLoop;
  private readonly handed: Types.ObjectId[] = [];
  private readonly pollMs: number;
  /** Until when a scan is not worth it: the last one found nothing to take. */
  private quietUntil = 0;

  constructor(
    private readonly models: Models,
    private readonly processor: Processor,
    private readonly options: Options,
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.loop = new PollingLoop({
      concurrency: options.concurrency,
      pollMs: this.pollMs,
      step: () => this.step(),
      logger: options.logger,
      name: 'webhook-intake',
    });
  }

  start = () => this.loop.start();
  stop = () => this.loop.stop();

  /** Webhooks this process just stored (first attempt due now). A process that does not process keeps none. */
  hand = (id: string) => {
    if (this.options.concurrency === 0) return;
    if (this.handed.length < MAX_HANDED) this.handed.push(new Types.ObjectId(id));
    this.loop.kickOne();
  };

  private async step(): Promise<boolean> {
    const claimed = await this.claim();
    if (!claimed) return false;
    const { item } = claimed;
    // The webhook's correlation follows everything its processing does, down to the socket pushes.
    await withCorrelation({ correlationId: item.correlationId ?? item.id, receivedAt: item.receivedAt.getTime() }, () =>
      this.handle(claimed),
    );
    return true;
  }

  /** The next item: one handed over, else the next free one. */
  private async claim(): Promise<Claimed | null> {
    for (let id = this.handed.shift(); id; id = this.handed.shift()) {
      const claimed = await this.claimAttempt(id);
      if (claimed) return claimed;
    }
    if (Date.now() < this.quietUntil) return null;
    const now = new Date();
    // Hot path: bounded — the { status, nextAttemptAt } index on MongoDB; on the embedded database a scan of the intake
    // queue, which holds only the backlog (processed webhooks move to the archive). Only when nothing was handed.
    const due = await this.models.WebhookIntake.find(freeAt(now)).sort({ nextAttemptAt: 1 }).limit(CLAIM_CANDIDATES);
    for (const item of due) {
      const claimed = await this.claimAttempt(item._id);
      if (claimed) return claimed;
    }
    // Nothing the scan found was free to take: the next scan waits for the next poll, not for the next
    // handed item to finish.
    this.quietUntil = Date.now() + this.pollMs;
    return null;
  }

  /**
   * Takes the item if it is free: one conditional update, atomic on the database, so of all workers in all
   * processes exactly one gets each attempt. Null when another has it, or finished (archived) it already.
   * The update answers the item as it was, which tells a lapsed lease (and when that attempt began) apart.
   */
  private async claimAttempt(id: Types.ObjectId): Promise<Claimed | null> {
    const now = new Date();
    const claim = { status: 'processing', leaseUntil: new Date(now.getTime() + this.options.leaseMs), claimedAt: now };
    // Hot path: by _id.
    const before = await this.models.WebhookIntake.findOneAndUpdate(
      { _id: id, ...freeAt(now) },
      { $set: claim, $inc: { attempts: 1 } },
      { new: false },
    );
    if (!before) return null;
    const takenOverFrom = before.status === 'processing' ? (before.claimedAt ?? before.receivedAt) : null;
    before.set({ ...claim, attempts: before.attempts + 1 });
    return { item: before, takenOverFrom };
  }

  private async handle({ item, takenOverFrom }: Claimed): Promise<void> {
    try {
      const process = () => this.processor.process(item.rawBody);
      const result = await (this.options.announceTogether ? this.options.announceTogether(process) : process());
      if (takenOverFrom) await this.announceAgain(result.conversationIds, takenOverFrom, item.claimedAt!);
      // Listed before the item leaves the queue: cut short in between, the item is done again, never lost.
      if (result.refused.length > 0) await this.options.deadLetters.record(item, refusalOf(result.refused));
      await this.archive(item, { status: 'done', processedAt: new Date(), ...recordOf(result) });
      this.options.observe?.({ outcome: 'done', receivedAt: item.receivedAt, result });
      this.options.logger.info(
        { intakeId: item.id, messages: result.messages, statuses: result.statuses, attempts: item.attempts },
        'webhook processed',
      );
      if (result.itemErrors.length > 0)
        this.options.logger.warn({ intakeId: item.id, itemErrors: result.itemErrors }, 'webhook items refused');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = item.attempts >= this.options.maxAttempts;
      const delay = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** (item.attempts - 1)) * (0.5 + Math.random() / 2);
      this.options.logger.error(
        { intakeId: item.id, attempts: item.attempts, err: error },
        exhausted ? 'webhook processing failed for good' : 'webhook processing failed; will retry',
      );
      // Only if this attempt is still ours: a worker that took over a lease this one overran owns the item now.
      // Hot path: by _id.
      const retry = this.models.WebhookIntake.updateOne(
        { _id: item._id, attempts: item.attempts },
        {
          $set: {
            status: 'pending',
            lastError: message,
            nextAttemptAt: new Date(Date.now() + delay),
            leaseUntil: null,
          },
        },
      );
      this.options.observe?.({ outcome: exhausted ? 'failed' : 'retry', receivedAt: item.receivedAt });
      await (exhausted ? this.giveUp(item, error, message) : retry).catch(() => undefined);
    }
  }

  /** What the dead attempt stored in these conversations, between its start and this attempt's. */
  private async announceAgain(conversationIds: string[], from: Date, until: Date) {
    const announceAgain = this.options.announceAgain;
    if (!announceAgain) return;
    for (const id of conversationIds) await announceAgain(id, from, until);
  }

  private async giveUp(item: WebhookIntakeDoc, error: unknown, message: string) {
    await this.options.deadLetters.record(item, failureOf(error));
    await this.archive(item, { status: 'failed', lastError: message });
  }

  /** Moves a finished item out of the working queue; if this is cut short, the item is simply done again. */
  private async archive(item: WebhookIntakeDoc, outcome: Record<string, unknown>) {
    try {
      await this.models.WebhookArchive.create({ ...item.toObject(), ...outcome, leaseUntil: null });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Hot path: by _id.
    await this.models.WebhookIntake.deleteOne({ _id: item._id });
  }
}
