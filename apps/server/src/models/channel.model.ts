import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const channelSchema = new Schema(
  {
    phoneNumberId: { type: String, required: true, unique: true },
    displayPhoneNumber: { type: String, default: null },
    wabaId: { type: String, default: null },
    name: { type: String, required: true },
    status: { type: String, enum: ['active', 'unregistered'], required: true },
    /** Where this number's Cloud API calls go; unset means the server-wide WHATSAPP_API_* settings. */
    apiBaseUrl: { type: String, default: null },
    apiVersion: { type: String, default: null },
    accessToken: { type: String, default: null },
    accessTokenSetAt: { type: Date, default: null },
    /** Opening a conversation sends WhatsApp a read receipt for the customer's messages (turn off per number). */
    markReadOnOpen: { type: Boolean, required: true, default: true },
    /** Whether replies can go out, as the outbound breakers last said (see outbound/send-health.service.ts). */
    sendHealth: {
      state: { type: String, enum: ['sending', 'down', 'retrying'], default: 'sending' },
      downSince: { type: Date, default: null },
      nextRetryAt: { type: Date, default: null },
      changedAt: { type: Date, default: null },
    },
  },
  { timestamps: true },
);

export type Channel = InferSchemaType<typeof channelSchema>;
export type ChannelDoc = HydratedDocument<Channel>;
export const channelModel = (c: Connection) => c.model('Channel', channelSchema, 'channels');
