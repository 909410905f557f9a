import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A running SLA target of a conversation (`_id` = keyedId('sla', conversation:kind:startedAt)), stored so
 * timers survive restarts and any process can handle one that falls due. Met targets are deleted.
 */
const slaTimerSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  conversationId: { type: Schema.Types.ObjectId, required: true, index: true },
  kind: { type: String, enum: ['first_response', 'next_response', 'resolution'], required: true },
  priority: { type: String, required: true },
  startedAt: { type: Date, required: true },
  warnAt: { type: Date, required: true },
  dueAt: { type: Date, required: true },
  state: { type: String, enum: ['running', 'warned', 'breached'], required: true },
  /** The next escalation step to take once breached (an index into the policy's ladder). */
  nextStep: { type: Number, required: true, default: 0 },
  nextCheckAt: { type: Date, default: null },
  checks: { type: Number, required: true, default: 0 },
});
slaTimerSchema.index({ nextCheckAt: 1 });

export type SlaTimer = InferSchemaType<typeof slaTimerSchema>;
export type SlaTimerDoc = HydratedDocument<SlaTimer>;
export const slaTimerModel = (c: Connection) => c.model('SlaTimer', slaTimerSchema, 'sla_timers');
