import { Schema, type Connection } from 'mongoose';

/** From WhatsApp's message id (wamid) to our outbound message: `_id` = keyedId('provider', wamid). */
const providerMessageRefSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  messageId: { type: Schema.Types.ObjectId, required: true },
});

export const providerMessageRefModel = (c: Connection) =>
  c.model('ProviderMessageRef', providerMessageRefSchema, 'provider_message_refs');
