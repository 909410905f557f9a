import { CannedReplyScope, Language, type CannedReplyDTO } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A canned reply: the team's (`shared`) or one agent's own (`personal`, `ownerId`), in one language. */
const cannedReplySchema = new Schema(
  {
    scope: { type: String, enum: CannedReplyScope.options, required: true },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    shortcut: { type: String, required: true },
    title: { type: String, default: '' },
    text: { type: String, required: true },
    language: { type: String, enum: Language.options, required: true },
    /**
     * `<scope>:<owner or ->:<language>:<shortcut>`: a shortcut exists once per language in each list. A key of
     * its own rather than a compound unique index, which the embedded database and MongoDB treat differently
     * when a field (ownerId) is null.
     */
    uniqueKey: { type: String, required: true, unique: true },
    updatedById: { type: Schema.Types.ObjectId, default: null },
    updatedByName: { type: String, default: null },
  },
  { timestamps: true },
);
cannedReplySchema.index({ ownerId: 1 });

export type CannedReply = InferSchemaType<typeof cannedReplySchema>;
export type CannedReplyDoc = HydratedDocument<CannedReply>;
export const cannedReplyModel = (c: Connection) => c.model('CannedReply', cannedReplySchema, 'canned_replies');

export function toCannedReplyDTO(r: CannedReplyDoc): CannedReplyDTO {
  return {
    id: r._id.toHexString(),
    scope: r.scope,
    ownerId: r.ownerId?.toHexString() ?? null,
    shortcut: r.shortcut,
    title: r.title ?? '',
    text: r.text,
    language: r.language,
    updatedBy: r.updatedById ? { id: r.updatedById.toHexString(), name: r.updatedByName ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
