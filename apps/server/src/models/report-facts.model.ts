import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * What the reports remember of a conversation (`_id` = its id) to tell what a change did: whether it opened,
 * reopened or resolved it, passed it to another agent, or brought its first reply. `seq` is the last change
 * of the conversation's log applied, so a writer that applied an older change cannot overwrite a newer one.
 */
const reportFactsSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    status: { type: String, required: true },
    openedAt: { type: Date, required: true },
    /** Counted in the reports: routed (or resolved) at least once, so its intent and queue are known. */
    established: { type: Boolean, required: true },
    /** Customer messages that came before it was established, counted when it is (with its intent). */
    pendingIn: { type: [Date], default: [] },
    channelId: { type: String, default: null },
    queueId: { type: String, default: null },
    assigneeId: { type: String, default: null },
    intent: { type: String, default: null },
    language: { type: String, default: null },
    assignedAt: { type: Date, default: null },
    responded: { type: Boolean, required: true },
    /** The agent who had it when it was last resolved: the CSAT answer is theirs. */
    resolvedBy: { type: String, default: null },
  },
  { versionKey: false },
);

export type ReportFacts = InferSchemaType<typeof reportFactsSchema>;
export const reportFactsModel = (c: Connection) => c.model('ReportFacts', reportFactsSchema, 'report_facts');
