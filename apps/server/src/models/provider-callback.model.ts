import { Schema, type Connection } from 'mongoose';

/**
 * From our message id, sent to WhatsApp as `biz_opaque_callback_data` and echoed in its status webhooks, to
 * WhatsApp's message id: proof that a send whose answer was lost did reach WhatsApp.
 * `_id` = keyedId('callback', <our message id>).
 */
const providerCallbackSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  providerMessageId: { type: String, required: true },
});

export const providerCallbackModel = (c: Connection) =>
  c.model('ProviderCallback', providerCallbackSchema, 'provider_callbacks');
