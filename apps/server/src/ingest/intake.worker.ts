import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import type { Logger } from '../lib/logger.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { WebhookIntakeDoc } from '../models/webhook-intake.model.js';
import type { WebhookProcessor } from './webhook.processor.js';

type Options = {
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  pollMs?: number;
  logger: Logger;
};

const BASE_RETRY_MS = 500;
const CLAIM_CANDIDATES = 8;

const leaseIdOf = (itemId: Types.ObjectId, attempt: number) => keyedId('intake-lease', `${itemId.toHexString()}:${attempt}`);
const MAX_RETRY_MS = 60_000;

/**
 * Works through stored webhooks. Each attempt is claimed by inserting its lease, so several server
 * processes can share the work and a process that dies mid-item has its item picked up when the lease runs out. Retries
 * back off exponentially with jitter and are stored with the item, so they survive restarts too.
 */
export class IntakeWorker {
  private readonly owner = randomUUID();
  private running = false;
  private readonly waiters = new Set<() => void>();
  private slots: Promise<void>[] = [];

  constructor(
    private readonly models: Models,
    private readonly processor: WebhookProcessor,
    private readonly options: Options,
  ) {}

  start(): void {
    if (this.running || this.options.concurrency === 0) return;
    this.running = true;
    this.slots = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await Promise.all(this.slots);
  }

  /** A new item was stored: look now rather than at the next poll. */
  kick(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const item = await this.claim().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'intake claim failed; will retry');
        return null;
      });
      if (item) await this.handle(item);
      else await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.pollMs ?? 1000);
      this.waiters.add(wake);
    });
  }

  /**
   * Takes the next due item: pending, or processing under a lease that ran out (its worker died). The
   * attempt is won by inserting its lease document, which only one worker can do.
   */
  private async claim(): Promise<WebhookIntakeDoc | null> {
    const { WebhookIntake, WorkLease } = this.models;
    const now = new Date();
    const due = await WebhookIntake.find({
      $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'processing', leaseUntil: { $lt: now } }],
    })
      .sort({ nextAttemptAt: 1 })
      .limit(CLAIM_CANDIDATES);
    for (const item of due) {
      const attempt = item.attempts + 1;
      try {
        await WorkLease.create({ _id: leaseIdOf(item._id, attempt), owner: this.owner, takenAt: now });
      } catch (error) {
        if (isDuplicateKeyError(error)) continue;
        throw error;
      }
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
      return WebhookIntake.findByIdAndUpdate(
        item._id,
        { $set: { status: 'processing', attempts: attempt, leaseOwner: this.owner, leaseUntil } },
        { new: true },
      );
    }
    return null;
  }

  private async handle(item: WebhookIntakeDoc): Promise<void> {
    try {
      const result = await this.processor.process(item.rawBody);
      await this.archive(item, {
        status: 'done',
        processedAt: new Date(),
        itemErrors: result.itemErrors,
        counts: { messages: result.messages, statuses: result.statuses, errors: result.errors },
      });
      if (result.itemErrors.length > 0) this.options.logger.warn({ intakeId: item.id, itemErrors: result.itemErrors }, 'webhook items refused');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = item.attempts >= this.options.maxAttempts;
      const delay = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** (item.attempts - 1)) * (0.5 + Math.random() / 2);
      this.options.logger.error({ intakeId: item.id, attempts: item.attempts, err: error }, exhausted ? 'webhook processing failed for good' : 'webhook processing failed; will retry');
      const retry = this.models.WebhookIntake.updateOne(
        { _id: item._id },
        { $set: { status: 'pending', lastError: message, nextAttemptAt: new Date(Date.now() + delay), leaseOwner: null, leaseUntil: null } },
      );
      await (exhausted ? this.archive(item, { status: 'failed', lastError: message }) : retry).catch(() => undefined);
    }
  }

  /** Moves a finished item out of the working queue; if this is cut short, the item is simply done again. */
  private async archive(item: WebhookIntakeDoc, outcome: Record<string, unknown>) {
    try {
      await this.models.WebhookArchive.create({ ...item.toObject(), ...outcome, leaseOwner: null, leaseUntil: null });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.models.WebhookIntake.deleteOne({ _id: item._id });
    const leases = Array.from({ length: item.attempts }, (_, i) => leaseIdOf(item._id, i + 1));
    for (const _id of leases) await this.models.WorkLease.deleteOne({ _id });
  }
}
