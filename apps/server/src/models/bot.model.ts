import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A bot that may hand conversations over; its API key is stored only as a hash. */
const botSchema = new Schema(
  {
    name: { type: String, required: true },
    keyHash: { type: String, required: true },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true },
);

export type Bot = InferSchemaType<typeof botSchema>;
export type BotDoc = HydratedDocument<Bot>;
export const botModel = (c: Connection) => c.model('Bot', botSchema, 'bots');
