import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A bot that may hand conversations over; its API key is stored only as a hash. */
const botSchema = new Schema(
  {
    name: { type: String, required: true },
    keyHash: { type: String, required: true },
    /** When the current key was made (creation, then each rotation); null on bots made before rotation existed. */
    keyCreatedAt: { type: Date, default: null },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true },
);

export type Bot = InferSchemaType<typeof botSchema>;
export type BotDoc = HydratedDocument<Bot>;
export const botModel = (c: Connection) => c.model('Bot', botSchema, 'bots');
