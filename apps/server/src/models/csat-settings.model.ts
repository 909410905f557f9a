import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A channel's CSAT survey settings (`_id` = the channel's id); absent: the defaults (not asking). */
const csatSettingsSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    enabled: { type: Boolean, required: true },
    templateName: { type: String, required: true },
    /** Per language (en, es, pt): { question, buttons: [three titles], thanks }. */
    wording: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, timestamps: true },
);

export type CsatSettings = InferSchemaType<typeof csatSettingsSchema>;
export const csatSettingsModel = (c: Connection) => c.model('CsatSettings', csatSettingsSchema, 'csat_settings');
