import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * Where a contact's conversation on one business number stands: `_id` = keyedId('slot', contact:channel).
 * Each inbound message finds its conversation through it with one lookup by id.
 */
const conversationSlotSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  conversationId: { type: Schema.Types.ObjectId, required: true },
  open: { type: Boolean, required: true },
});

export type ConversationSlot = InferSchemaType<typeof conversationSlotSchema>;
export const conversationSlotModel = (c: Connection) =>
  c.model('ConversationSlot', conversationSlotSchema, 'conversation_slots');
