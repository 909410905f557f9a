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
