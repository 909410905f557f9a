import { Schema, type Connection } from 'mongoose';

/**
 * One unit of an agent's capacity in use: `_id` = keyedId('agent-slot', `<agentId>:<n>`) for n in
 * 1..capacity. Taking a slot is an insert, which only one writer can win, so racing routers (in several
 * processes) can never push an agent past capacity; finishing a conversation deletes its slot.
 */
const agentSlotSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  agentId: { type: Schema.Types.ObjectId, required: true, index: true },
  conversationId: { type: Schema.Types.ObjectId, required: true },
  takenAt: { type: Date, required: true },
});

export const agentSlotModel = (c: Connection) => c.model('AgentSlot', agentSlotSchema, 'agent_slots');
