import type { InboundDeadLetterDTO, InboundReplayAllResult, InboundReplayResult } from '@switchboard/shared';
import type { Types } from 'mongoose';
import { inThreadOf } from '../lib/correlation.js';
import { AppError, notFound } from '../lib/errors.js';
import { maskPhonesIn } from '../lib/log-redaction.js';
import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import type { WebhookDeadLetterDoc } from '../models/webhook-dead-letter.model.js';
import { failureOf, refusalOf, type IntakeFailure } from './intake-failure.js';
import type { DeadLetterEvent } from './intake-metrics.js';
import type { ProcessResult, WebhookProcessor } from './webhook.processor.js';

type Options = {
  /** How long a replay holds a letter; one whose process died is free again after it. */
  leaseMs: number;
  logger: Logger;
  observe?: (event: DeadLetterEvent) => void;
  /** As the intake worker's: the changes a replay makes are announced together when it ends. */
  announceTogether?: <T>(work: () => Promise<T>) => Promise<T>;
};

/** What a stored webhook brings to its dead letter. */
export type StoredWebhook = {
  _id: Types.ObjectId;
  rawBody: string;
  receivedAt: Date;
  correlationId?: string | null;
  attempts: number;
};

const toDTO = (letter: WebhookDeadLetterDoc): InboundDeadLetterDTO => ({
  id: letter.id,
  kind: letter.kind as InboundDeadLetterDTO['kind'],
  reason: letter.reason,
  issues: letter.issues.map(({ path, message }) => ({ path: path ?? '', message: message ?? '' })),
  receivedAt: letter.receivedAt.toISOString(),
  deadSince: letter.deadSince.toISOString(),
  attempts: letter.attempts,
});

/**
 * Webhooks we acknowledged but could not apply in full: listed for supervisors with the reason, and applied
 * again on their word through the same processing as intake. Processing is idempotent (a message is stored
 * once per wamid, statuses never move backwards), so a replay repeats nothing that went through before.
 */
export class InboundDeadLetters {
  constructor(
    private readonly models: Models,
    private readonly processor: Pick<WebhookProcessor, 'process'>,
    private readonly options: Options,
  ) {}

  /** Lists a stored webhook, or gives a listed one its new reason. */
  async record(item: StoredWebhook, failure: IntakeFailure): Promise<void> {
    const written = await this.models.WebhookDeadLetter.updateOne(
      { _id: item._id },
      {
        $setOnInsert: { rawBody: item.rawBody, receivedAt: item.receivedAt, correlationId: item.correlationId ?? null },
        $set: { ...failure, attempts: item.attempts, deadSince: new Date(), replayingUntil: null },
      },
      { upsert: true },
    );
    if (written.upsertedCount > 0) this.options.observe?.({ event: 'dead-lettered', kind: failure.kind });
    this.options.logger.error(
      {
        intakeId: item._id.toHexString(),
        kind: failure.kind,
        reason: maskPhonesIn(failure.reason),
        attempts: item.attempts,
      },
      'webhook dead-lettered',
    );
  }

  /** Oldest first: replaying in this order keeps each customer's messages in the order they wrote them. */
  async list(): Promise<InboundDeadLetterDTO[]> {
    return (await this.models.WebhookDeadLetter.find().sort({ receivedAt: 1 })).map(toDTO);
  }

  async replay(id: string): Promise<InboundReplayResult> {
    const letter = await this.claim(id);
    return inThreadOf(letter.correlationId, () => this.apply(letter));
  }

  /** Every listed webhook, oldest first; one another replay holds already is left to it. */
  async replayAll(): Promise<InboundReplayAllResult> {
    const listed = await this.models.WebhookDeadLetter.find({}, { _id: 1 }).sort({ receivedAt: 1 });
    let replayed = 0;
    let failed = 0;
    for (const { _id } of listed) {
      try {
        if ((await this.replay(_id.toHexString())).outcome === 'replayed') replayed++;
        else failed++;
      } catch (error) {
        if (!(error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))) throw error;
      }
    }
    return { replayed, failed, items: await this.list() };
  }

  /** Takes the letter for this replay: one conditional update, so two replays never run at once. */
  private async claim(id: string): Promise<WebhookDeadLetterDoc> {
    const now = new Date();
    const claimed = await this.models.WebhookDeadLetter.findOneAndUpdate(
      { _id: id, $or: [{ replayingUntil: null }, { replayingUntil: { $lt: now } }] },
      { $set: { replayingUntil: new Date(now.getTime() + this.options.leaseMs) }, $inc: { attempts: 1 } },
      { new: true },
    );
    if (claimed) return claimed;
    if (await this.models.WebhookDeadLetter.exists({ _id: id }))
      throw new AppError('CONFLICT', 'this webhook is being replayed already');
    throw notFound('dead letter');
  }

  private async apply(letter: WebhookDeadLetterDoc): Promise<InboundReplayResult> {
    let failure: IntakeFailure;
    try {
      const result = await this.process(letter.rawBody);
      await this.archive(letter, { status: 'done', processedAt: new Date(), ...recordOf(result) });
      if (result.refused.length === 0) {
        await this.models.WebhookDeadLetter.deleteOne({ _id: letter._id });
        this.options.observe?.({ event: 'replayed' });
        this.options.logger.info(
          { intakeId: letter.id, messages: result.messages, statuses: result.statuses, attempts: letter.attempts },
          'dead-lettered webhook replayed',
        );
        return { outcome: 'replayed', id: letter.id, messages: result.messages, statuses: result.statuses };
      }
      failure = refusalOf(result.refused);
    } catch (error) {
      failure = failureOf(error);
      await this.archive(letter, { status: 'failed', lastError: failure.reason });
    }
    this.options.observe?.({ event: 'replay-failed' });
    this.options.logger.error(
      { intakeId: letter.id, kind: failure.kind, reason: maskPhonesIn(failure.reason), attempts: letter.attempts },
      'dead-lettered webhook failed again',
    );
    const relisted = await this.models.WebhookDeadLetter.findOneAndUpdate(
      { _id: letter._id },
      { $set: { ...failure, deadSince: new Date(), replayingUntil: null } },
      { new: true },
    ).orFail();
    return { outcome: 'failed', deadLetter: toDTO(relisted) };
  }

  private process(rawBody: string): Promise<ProcessResult> {
    const work = () => this.processor.process(rawBody);
    return this.options.announceTogether ? this.options.announceTogether(work) : work();
  }

  /** The archived copy (kept for audit) records how its latest attempt ended. */
  private async archive(letter: WebhookDeadLetterDoc, outcome: Record<string, unknown>) {
    await this.models.WebhookArchive.updateOne(
      { _id: letter._id },
      { $set: { ...outcome, attempts: letter.attempts } },
    );
  }
}

/** What the archive keeps of a processing result. */
export const recordOf = (result: ProcessResult) => ({
  itemErrors: result.itemErrors,
  counts: { messages: result.messages, statuses: result.statuses, errors: result.errors },
});
