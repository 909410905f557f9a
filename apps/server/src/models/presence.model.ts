import { Schema, type Connection } from 'mongoose';

/**
 * How many sockets a user has open on one server process (`_id` = keyedId('presence', user:process)),
 * refreshed by a heartbeat: a process that dies stops refreshing, and its sockets stop counting.
 */
const presenceSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  sockets: { type: Number, required: true },
  seenAt: { type: Date, required: true },
});

export const presenceModel = (c: Connection) => c.model('Presence', presenceSchema, 'presence');
