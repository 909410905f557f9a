import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const conversationSchema = new Schema(
  {
    channelId: { type: Schema.Types.ObjectId, required: true },
    contactId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['open', 'resolved'], required: true },
    /**
     * `<contactId>:<channelId>` while open, the conversation's own id once resolved. A unique index on it
     * allows one open conversation per contact and number without partial indexes (which FerretDB lacks).
     */
    openKey: { type: String, required: true, unique: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    queueId: { type: Schema.Types.ObjectId, default: null },
    routingState: { type: String, enum: ['waiting', 'assigned', 'bot', null], default: null },
    waitingReason: { type: String, default: null },
    /** The waiting reason as a phrase ({ code, params }, see the shared PHRASES), for clients to translate. */
    waitingReasonPhrase: { type: Schema.Types.Mixed, default: null },
    waitingSince: { type: Date, default: null },
    /**
     * The agent who handed the conversation on (a transfer to a queue, a give-back): routing offers it to someone
     * else, though they may still claim it. Cleared at the next assignment.
     */
    handedOnBy: { type: Schema.Types.ObjectId, default: null },
    priority: { type: String, enum: ['low', 'normal', 'high', 'urgent'], required: true, default: 'normal' },
    intent: { type: String, default: null },
    language: { type: String, default: null },
    /** What triage read: confidence, sentiment, the text (for priority rules later), second ask and entities. */
    triage: { type: Schema.Types.Mixed, default: null },
    /** The latest correction of the intent by a person (IntentCorrectionDTO); null while it is the classifier's. */
    intentCorrection: { type: Schema.Types.Mixed, default: null },
    /** Bumped at every assignment: each assignment of a conversation is claimed once (see routing). */
    routingEpoch: { type: Number, required: true, default: 0 },
    /** The bot's context package from the last handoff (see HandoffDTO). */
    handoff: { type: Schema.Types.Mixed, default: null },
    labels: { type: [String], default: [] },
    snoozedUntil: { type: Date, default: null },
    escalatedAt: { type: Date, default: null },
    /** Which of the assignee's capacity slots this conversation holds. */
    assigneeSlot: { type: Number, default: null },
    seq: { type: Number, required: true, default: 0 },
    messageCount: { type: Number, required: true, default: 0 },
    lastMessageAt: { type: Date, default: null },
    lastMessagePreview: { type: String, default: null },
    lastInboundAt: { type: Date, default: null },
    /** The wamid of the customer's newest message, and the one a read receipt was last sent for. */
    lastInboundMessageId: { type: String, default: null },
    readReceiptFor: { type: String, default: null },
    /** Logs only: the latest customer message's thread, which replies join (see lib/correlation). */
    lastInboundCorrelationId: { type: String, default: null },
    /** For SLA clocks: the first and latest agent replies, and the first customer message not yet answered. */
    firstAgentReplyAt: { type: Date, default: null },
    lastAgentReplyAt: { type: Date, default: null },
    firstUnansweredAt: { type: Date, default: null },
    /** The most urgent running SLA target, for lists that show time left. */
    slaKind: { type: String, default: null },
    slaDueAt: { type: Date, default: null },
    /** Its running SLA timers, so keeping them in line needs no search. */
    slaTimerIds: { type: [Schema.Types.ObjectId], default: [] },
    /** The CSAT survey sent after the last resolve and its answer (see csat/): shape of ConversationCsatDTO, dates as Date. */
    csat: { type: Schema.Types.Mixed, default: null },
    /** The closed period (named by the opening that ends it) the queue's out-of-hours reply was last sent for. */
    outOfHoursRepliedUntil: { type: Date, default: null },
    openedAt: { type: Date, required: true },
    resolvedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
conversationSchema.index({ lastMessageAt: -1, _id: -1 });
conversationSchema.index({ channelId: 1, status: 1, lastMessageAt: -1 });
conversationSchema.index({ contactId: 1, channelId: 1, resolvedAt: -1 });

export type Conversation = InferSchemaType<typeof conversationSchema>;
export type ConversationDoc = HydratedDocument<Conversation>;
export const conversationModel = (c: Connection) => c.model('Conversation', conversationSchema, 'conversations');
