import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A setting edited as one versioned document (`priority-rules`, `sla-policies`), its content kept as JSON text
 * for the same reason as audit entries. A save names the version it edited; each save adds one.
 */
const settingSchema = new Schema({
  _id: { type: String, required: true },
  version: { type: Number, required: true },
  content: { type: String, required: true },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: { id: String, name: String }, default: null, _id: false },
});

export type Setting = InferSchemaType<typeof settingSchema>;
export type SettingDoc = HydratedDocument<Setting>;
export const settingModel = (c: Connection) => c.model('Setting', settingSchema, 'settings');
