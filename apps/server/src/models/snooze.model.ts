import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A conversation's running snooze (`_id` = keyedId('snooze', conversationId)), kept apart from conversations
 * so the wake-up check scans only the snoozes that run, and a customer message finds one by id.
 * `key` names this snooze: a wake is claimed, and written in the timeline, once per key.
 */
const snoozeSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  conversationId: { type: Schema.Types.ObjectId, required: true },
  key: { type: String, required: true },
  until: { type: Date, required: true },
  snoozedAt: { type: Date, required: true },
  snoozedBy: { type: Schema.Types.ObjectId, required: true },
});
snoozeSchema.index({ until: 1 });

export type Snooze = InferSchemaType<typeof snoozeSchema>;
export type SnoozeDoc = HydratedDocument<Snooze>;
export const snoozeModel = (c: Connection) => c.model('Snooze', snoozeSchema, 'snoozes');
