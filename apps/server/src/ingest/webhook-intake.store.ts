import { setImmediate as afterPendingIo } from 'node:timers/promises';
import { Types } from 'mongoose';
import { currentCorrelationId } from '../lib/correlation.js';
import type { Models } from '../models/index.js';
import type { WebhookIntake } from '../models/webhook-intake.model.js';

/** The most webhooks one insert carries. */
const MAX_GROUP = 64;

/**
 * A new intake item as it is inserted: only what a pending item needs. The fields a worker writes later
 * (attempts, lease, errors, counts, processedAt) are left out; the model's defaults fill them in whenever an
 * item is read (attempts 0, nulls, no errors). On the embedded database every field costs work on every
 * insert, and this insert is the one each webhook waits for: the short form made a group of 25 about 30%
 * cheaper there (bench/README.md).
 */
type IntakeDocument = Pick<WebhookIntake, 'rawBody' | 'receivedAt' | 'correlationId' | 'status' | 'nextAttemptAt'> & {
  _id: Types.ObjectId;
};

type Waiting = { doc: IntakeDocument; stored: () => void; failed: (error: unknown) => void };

function pendingItem(rawBody: string): IntakeDocument {
  const now = new Date();
  return {
    _id: new Types.ObjectId(),
    rawBody,
    receivedAt: now,
    correlationId: currentCorrelationId(),
    status: 'pending',
    nextAttemptAt: now,
  };
}

/**
 * Durable intake: a webhook is acknowledged only once this has stored it. Webhooks arriving while an insert
 * is under way go together in the next one (a group commit): one round trip for many, and each is still
 * acknowledged only after its own document is in. A failed group fails every webhook in it (503: Meta
 * delivers them again, and processing absorbs any that did get in by their message ids).
 *
 * Documents go to the collection as plain objects: they are built here, already valid, so the model's
 * casting and validation (most of the cost of an insert through mongoose) would add nothing.
 */
export class WebhookIntakeStore {
  private waiting: Waiting[] = [];
  private inserting = false;

  constructor(private readonly models: Models) {}

  store(rawBody: string): Promise<string> {
    const doc = pendingItem(rawBody);
    return new Promise((resolve, reject) => {
      this.waiting.push({ doc, stored: () => resolve(doc._id.toHexString()), failed: reject });
      void this.insertWaiting();
    });
  }

  private async insertWaiting(): Promise<void> {
    if (this.inserting) return;
    this.inserting = true;
    while (this.waiting.length > 0) {
      // Let the requests already read in this turn of the event loop reach the queue first: one more
      // webhook in a group costs the database far less than one more insert.
      await afterPendingIo();
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        await this.models.WebhookIntake.collection.insertMany(group.map((w) => w.doc));
        for (const w of group) w.stored();
      } catch (error) {
        for (const w of group) w.failed(error);
      }
    }
    this.inserting = false;
  }
}
