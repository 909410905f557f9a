import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    role: { type: String, enum: ['agent', 'supervisor', 'admin'], required: true },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, required: true, default: true },
    channelIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    /** Routing: the queues an agent is skilled in, and how many open conversations they take at once. */
    queueIds: { type: [Schema.Types.ObjectId], default: [] },
    capacity: { type: Number, required: true, default: 5 },
    /** The agent's own hours (a business-hours schedule); routing assigns them nothing outside. Null: any time. */
    workingHours: { type: Schema.Types.Mixed, default: null },
    /** Sessions carry the generation they were issued in; a password reset moves it on, ending them all. */
    sessionGeneration: { type: Number, required: true, default: 0 },
    /** The agent's own choice; with no socket open they are offline whatever they chose. */
    statusChoice: { type: String, enum: ['online', 'away'], required: true, default: 'online' },
    /** Since when they are away or offline: their conversations go back to the queue after a grace period. */
    unavailableSince: { type: Date, default: null },
    lastAssignedAt: { type: Date, default: null },
    /** The interface language the user chose (en, es, pt); null until they choose. */
    locale: { type: String, enum: ['en', 'es', 'pt', null], default: null },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<User>;
export const userModel = (c: Connection) => c.model('User', userSchema, 'users');
