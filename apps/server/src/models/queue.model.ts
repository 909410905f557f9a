import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A queue takes conversations of some intents and languages; agents are skilled in queues. */
const queueSchema = new Schema(
  {
    name: { type: String, required: true, unique: true },
    intents: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    mode: { type: String, enum: ['auto', 'manual'], required: true, default: 'auto' },
    fallback: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);

export type Queue = InferSchemaType<typeof queueSchema>;
export type QueueDoc = HydratedDocument<Queue>;
export const queueModel = (c: Connection) => c.model('Queue', queueSchema, 'queues');
