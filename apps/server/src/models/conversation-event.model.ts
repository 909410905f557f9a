import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** The per-conversation change log: what was pushed live, kept so a client can ask for what it missed. */
const conversationEventSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    /** Names the change itself, so that a retried step appends nothing twice. */
    dedupeKey: { type: String, required: true, unique: true },
    channelId: { type: Schema.Types.ObjectId, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { minimize: false },
);
conversationEventSchema.index({ conversationId: 1, seq: 1 }, { unique: true });

export type ConversationEvent = InferSchemaType<typeof conversationEventSchema>;
export type ConversationEventDoc = HydratedDocument<ConversationEvent>;
export const conversationEventModel = (c: Connection) =>
  c.model('ConversationEvent', conversationEventSchema, 'conversation_events');
