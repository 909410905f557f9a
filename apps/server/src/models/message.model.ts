import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const providerErrorSchema = new Schema(
  { code: Number, title: String, message: String, details: String },
  { _id: false },
);

const messageSchema = new Schema(
  {
    /** `wa:<wamid>` inbound, `out:<idempotency key>` outbound; `_id` = keyedId('message', key), so a delivery twice stores once. */
    key: { type: String, required: true, unique: true },
    conversationId: { type: Schema.Types.ObjectId, required: true },
    channelId: { type: Schema.Types.ObjectId, required: true },
    contactId: { type: Schema.Types.ObjectId, required: true },
    direction: { type: String, enum: ['inbound', 'outbound', 'internal'], required: true },
    providerMessageId: { type: String, default: null },
    type: { type: String, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    context: { type: Schema.Types.Mixed, default: null },
    referral: { type: Schema.Types.Mixed, default: null },
    /** How far delivery got (see STATUS_RANK); only ever raised, with $max, so statuses never move it back. */
    statusRank: { type: Number, required: true, default: 0 },
    statusTimestamps: {
      sent: { type: Date, default: null },
      delivered: { type: Date, default: null },
      read: { type: Date, default: null },
      failed: { type: Date, default: null },
    },
    error: { type: providerErrorSchema, default: null },
    failureReason: { type: String, default: null },
    /** Outbound only: queued (in the outbox), accepted (WhatsApp took it), failed (refused), dead (retries exhausted). */
    outboxState: { type: String, enum: ['queued', 'accepted', 'failed', 'dead', null], default: null },
    attempts: { type: Number, required: true, default: 0 },
    clientMessageId: { type: String, default: null },
    authorId: { type: Schema.Types.ObjectId, default: null },
    /** A fingerprint of what was asked, so the same idempotency key with another message is refused. */
    requestHash: { type: String, default: null },
    /** Logs only: the thread this message belongs to (the webhook it came in, or the customer message it answers). */
    correlationId: { type: String, default: null },
    sentAt: { type: Date, required: true },
  },
  { timestamps: true, minimize: false },
);
messageSchema.index({ conversationId: 1, sentAt: 1, createdAt: 1, _id: 1 });

export type Message = InferSchemaType<typeof messageSchema>;
export type MessageDoc = HydratedDocument<Message>;
export const messageModel = (c: Connection) => c.model('Message', messageSchema, 'messages');
