import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const channelSchema = new Schema(
  {
    phoneNumberId: { type: String, required: true, unique: true },
    displayPhoneNumber: { type: String, default: null },
    wabaId: { type: String, default: null },
    name: { type: String, required: true },
    status: { type: String, enum: ['active', 'unregistered'], required: true },
  },
  { timestamps: true },
);

export type Channel = InferSchemaType<typeof channelSchema>;
export type ChannelDoc = HydratedDocument<Channel>;
export const channelModel = (c: Connection) => c.model('Channel', channelSchema, 'channels');
