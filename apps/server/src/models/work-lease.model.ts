import { Schema, type Connection } from 'mongoose';

/**
 * One attempt at one piece of background work, taken by inserting this document: `_id` =
 * keyedId(kind, `<item id>:<attempt>`). An insert under a unique _id is atomic on every MongoDB-wire
 * database (a stock FerretDB v1 does not isolate findOneAndUpdate; the one scripts/ensure-database.sh builds
 * does), so exactly one worker wins each attempt, across processes too.
 */
const workLeaseSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  owner: { type: String, required: true },
  takenAt: { type: Date, required: true },
});

export const workLeaseModel = (c: Connection) => c.model('WorkLease', workLeaseSchema, 'work_leases');
