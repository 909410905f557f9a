import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A stored webhook we acknowledged but could not apply in full: its processing failed for good, or the
 * schemas refused some of its items. It keeps its own copy of the raw body so a replay needs nothing else,
 * and the list stays as small as the trouble (the archive keeps every webhook). Its _id is the webhook's.
 */
const webhookDeadLetterSchema = new Schema(
  {
    rawBody: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    correlationId: { type: String, default: null },
    kind: { type: String, enum: ['failed', 'refused'], required: true },
    reason: { type: String, required: true },
    issues: { type: [{ path: String, message: String, _id: false }], default: [] },
    attempts: { type: Number, required: true, default: 0 },
    deadSince: { type: Date, required: true },
    /** Set while a replay runs, so two supervisors do not replay it at once; a crashed replay's lapses. */
    replayingUntil: { type: Date, default: null },
  },
  { minimize: false },
);

export type WebhookDeadLetter = InferSchemaType<typeof webhookDeadLetterSchema>;
export type WebhookDeadLetterDoc = HydratedDocument<WebhookDeadLetter>;
export const webhookDeadLetterModel = (c: Connection) =>
  c.model('WebhookDeadLetter', webhookDeadLetterSchema, 'webhook_dead_letters');
