import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A queue takes conversations of some intents and languages; agents are skilled in queues. */
const queueSchema = new Schema(
  {
    name: { type: String, required: true, unique: true },
    intents: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    mode: { type: String, enum: ['auto', 'manual'], required: true, default: 'auto' },
    fallback: { type: Boolean, required: true, default: false },
    /** When SLA clocks run for this queue (see sla/business-hours.ts); unset means around the clock. */
    businessHours: { type: Schema.Types.Mixed, default: null },
    /** A capacity rule: at most this many open conversations of this queue per agent (null: only their capacity). */
    maxPerAgent: { type: Number, default: null },
    /** The auto-reply while closed: `{ enabled, messages: { en, es, pt } }` (out-of-hours/). */
    outOfHours: { type: Schema.Types.Mixed, default: null },
  },
  // Kept as written: mongoose's default drops empty objects, and a reply with no text yet lost its `messages`.
  { timestamps: true, minimize: false },
);

export type Queue = InferSchemaType<typeof queueSchema>;
export type QueueDoc = HydratedDocument<Queue>;
export const queueModel = (c: Connection) => c.model('Queue', queueSchema, 'queues');
