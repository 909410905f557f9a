import { currentCorrelationId } from '../lib/correlation.js';
import type { Models } from '../models/index.js';

/** Durable intake: a webhook is acknowledged only once this has stored it. */
export class WebhookIntakeStore {
  constructor(private readonly models: Models) {}

  async store(rawBody: string): Promise<string> {
    const now = new Date();
    const doc = await this.models.WebhookIntake.create({ rawBody, receivedAt: now, correlationId: currentCorrelationId(), status: 'pending', nextAttemptAt: now });
    return doc._id.toHexString();
  }
}
