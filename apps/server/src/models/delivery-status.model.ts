import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * Every delivery status WhatsApp reported, once each. A status may arrive before its message is known here;
 * it waits in this collection and is applied when the message appears.
 */
const deliveryStatusSchema = new Schema({
  /** keyedId('status', `<wamid>:<status>`): one record per status of a message, found by id. */
  _id: { type: Schema.Types.ObjectId, required: true },
  providerMessageId: { type: String, required: true, index: true },
  status: { type: String, enum: ['sent', 'delivered', 'read', 'failed'], required: true },
  at: { type: Date, required: true },
  error: {
    type: new Schema({ code: Number, title: String, message: String, details: String }, { _id: false }),
    default: null,
  },
  recordedAt: { type: Date, required: true },
});

export type DeliveryStatusRecord = InferSchemaType<typeof deliveryStatusSchema>;
export const deliveryStatusModel = (c: Connection) =>
  c.model('DeliveryStatus', deliveryStatusSchema, 'delivery_statuses');
