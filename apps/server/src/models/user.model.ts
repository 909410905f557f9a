import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    role: { type: String, enum: ['agent', 'supervisor', 'admin'], required: true },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, required: true, default: true },
    channelIds: { type: [Schema.Types.ObjectId], default: [], index: true },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<User>;
export const userModel = (c: Connection) => c.model('User', userSchema, 'users');
