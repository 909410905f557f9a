import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * The per-conversation change log: what was pushed live, kept so a client can ask for what it missed.
 * `_id` is keyedId('event', `<conversationId>:<seq>`), so a sequence number can be taken only once.
 */
const conversationEventSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    conversationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    dedupeKey: { type: String, required: true },
    channelId: { type: Schema.Types.ObjectId, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { minimize: false },
);
conversationEventSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
/** A change is in a conversation's log at most once: a repeat's insert is refused, and it finds the first. */
conversationEventSchema.index({ conversationId: 1, dedupeKey: 1 }, { unique: true });

export type ConversationEvent = InferSchemaType<typeof conversationEventSchema>;
export type ConversationEventDoc = HydratedDocument<ConversationEvent>;
export const conversationEventModel = (c: Connection) =>
  c.model('ConversationEvent', conversationEventSchema, 'conversation_events');

/**
 * Marks that make a step happen once (a message counted into its conversation): whoever inserts the mark
 * (`_id` = keyedId(kind, item id)) takes the step; a retry finds it and does not. Kept as long as the data
 * they guard, so a redelivery months later still changes nothing.
 */
const onceMarkSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  markedAt: { type: Date, required: true },
});
export const onceMarkModel = (c: Connection) => c.model('OnceMark', onceMarkSchema, 'once_marks');
