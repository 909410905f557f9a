import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * Outbound messages still to be handed to WhatsApp (`_id` = the message's id). Only pending work lives
 * here, so finding the next due item stays cheap; an item leaves once WhatsApp accepted or refused it.
 * Items whose retries ran out stay, as `dead`, until a supervisor replays them.
 */
const outboxSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  channelId: { type: Schema.Types.ObjectId, required: true },
  state: { type: String, enum: ['pending', 'in_flight', 'dead'], required: true },
  /** Leases taken so far (each try, each reconciliation check). */
  attempts: { type: Number, required: true, default: 0 },
  /** Provider failures that count toward giving up. */
  failures: { type: Number, required: true, default: 0 },
  nextAttemptAt: { type: Date, required: true },
  leaseUntil: { type: Date, default: null },
  /** Set when a call may have reached WhatsApp without an answer: it must be reconciled before a resend. */
  unknownSince: { type: Date, default: null },
  lastFailure: { type: String, default: null },
  /** The Cloud API request body, fixed when queued: a template edited later does not change what was sent. */
  request: { type: Schema.Types.Mixed, required: true },
  createdAt: { type: Date, required: true },
  /** The confirmation of a STOP or START, sent even though the customer opted out (see the outbox's consent check). */
  confirmsConsentChange: { type: Boolean, default: false },
  /** Logs only: the thread the message belongs to, so its sends and their statuses log under it. */
  correlationId: { type: String, default: null },
});
outboxSchema.index({ state: 1, nextAttemptAt: 1 });

export type OutboxItem = InferSchemaType<typeof outboxSchema>;
export type OutboxItemDoc = HydratedDocument<OutboxItem>;
export const outboxModel = (c: Connection) => c.model('OutboxItem', outboxSchema, 'outbox');
