import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A webhook request exactly as Meta sent it, stored before we answer 200; processing works from here, so a
 * crash after the answer loses nothing. The body stays a string: its bytes are what the signature covered.
 */
const webhookIntakeSchema = new Schema(
  {
    rawBody: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    /** The request id it arrived with; the messages it brings keep it, so logs follow them (see lib/correlation). */
    correlationId: { type: String, default: null },
    status: { type: String, enum: ['pending', 'processing', 'done', 'failed'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    /** When the latest attempt took it: a process taking over a lapsed lease re-announces what it stored since. */
    claimedAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    itemErrors: { type: [{ path: String, message: String, _id: false }], default: [] },
    counts: { messages: Number, statuses: Number, errors: Number },
    processedAt: { type: Date, default: null },
  },
  { minimize: false },
);
webhookIntakeSchema.index({ status: 1, nextAttemptAt: 1 });

export type WebhookIntake = InferSchemaType<typeof webhookIntakeSchema>;
export type WebhookIntakeDoc = HydratedDocument<WebhookIntake>;
export const webhookIntakeModel = (c: Connection) => c.model('WebhookIntake', webhookIntakeSchema, 'webhook_intake');

/**
 * Processed webhooks move here, raw body and item errors kept for audit. The working queue stays as small as
 * the backlog, so claiming the next item stays cheap however many webhooks have been handled.
 */
export const webhookArchiveModel = (c: Connection) =>
  c.model('WebhookArchive', webhookIntakeSchema.clone(), 'webhook_archive');
