import type { MentionDTO } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A user named in a note. `_id` = keyedId('mention', `<messageId>:<userId>`): one per note and user, however often announced. */
const mentionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    conversationId: { type: Schema.Types.ObjectId, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    excerpt: { type: String, required: true },
    contactName: { type: String, required: true },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
mentionSchema.index({ userId: 1, createdAt: -1 });

export type Mention = InferSchemaType<typeof mentionSchema>;
export type MentionDoc = HydratedDocument<Mention>;
export const mentionModel = (c: Connection) => c.model('Mention', mentionSchema, 'mentions');

export function toMentionDTO(m: MentionDoc): MentionDTO {
  return {
    id: m._id.toHexString(),
    conversationId: m.conversationId.toHexString(),
    messageId: m.messageId.toHexString(),
    author: { id: m.authorId.toHexString(), name: m.authorName },
    excerpt: m.excerpt,
    contactName: m.contactName,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  };
}
