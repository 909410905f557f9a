import { Schema, type Connection } from 'mongoose';

/** Since when an agent has been online (`_id` = the user's id), null while not: time online is counted from it. */
const reportAgentSessionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    onlineSince: { type: Date, default: null },
  },
  { versionKey: false },
);

export const reportAgentSessionModel = (c: Connection) =>
  c.model('ReportAgentSession', reportAgentSessionSchema, 'report_agent_sessions');
