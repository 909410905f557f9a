import { Types } from 'mongoose';
import { currentCorrelationId } from '../lib/correlation.js';
import type { Models } from '../models/index.js';

/** The most webhooks one insert carries. */
const MAX_GROUP = 64;

type Waiting = { doc: Record<string, unknown> & { _id: Types.ObjectId }; stored: () => void; failed: (error: unknown) => void };

/**
 * Durable intake: a webhook is acknowledged only once this has stored it. Webhooks arriving while an insert
 * is under way go together in the next one (a group commit): one round trip for many, and each is still
 * acknowledged only after its own document is in. A failed group fails every webhook in it (503: Meta
 * delivers them again, and processing absorbs any that did get in by their message ids).
 */
export class WebhookIntakeStore {
  private waiting: Waiting[] = [];
  private inserting = false;

  constructor(private readonly models: Models) {}

  store(rawBody: string): Promise<string> {
    const now = new Date();
    const doc = { _id: new Types.ObjectId(), rawBody, receivedAt: now, correlationId: currentCorrelationId(), status: 'pending', nextAttemptAt: now };
    return new Promise((resolve, reject) => {
      this.waiting.push({ doc, stored: () => resolve(doc._id.toHexString()), failed: reject });
      void this.insertWaiting();
    });
  }

  private async insertWaiting(): Promise<void> {
    if (this.inserting) return;
    this.inserting = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        await this.models.WebhookIntake.insertMany(group.map((w) => w.doc));
        for (const w of group) w.stored();
      } catch (error) {
        for (const w of group) w.failed(error);
      }
    }
    this.inserting = false;
  }
}
