import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** Every opt-out and opt-in, with the word that did it and the message it came in: the consent audit trail. */
const consentChangeSchema = new Schema({
  contactId: { type: Schema.Types.ObjectId, required: true, index: true },
  optedOut: { type: Boolean, required: true },
  keyword: { type: String, required: true },
  messageId: { type: Schema.Types.ObjectId, default: null },
  at: { type: Date, required: true },
});

export type ConsentChange = InferSchemaType<typeof consentChangeSchema>;
export const consentChangeModel = (c: Connection) => c.model('ConsentChange', consentChangeSchema, 'consent_changes');
