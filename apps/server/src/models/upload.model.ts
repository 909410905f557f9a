import type { UploadDTO } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A file an agent attached, once WhatsApp's media endpoint took it (`_id` = keyedId('upload', user and
 * idempotency key), so the same upload repeated after a lost answer finds this one instead of uploading again).
 */
const uploadSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true },
    channelId: { type: Schema.Types.ObjectId, required: true },
    uploaderId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['image', 'video', 'audio', 'document', 'sticker'], required: true },
    mimeType: { type: String, required: true },
    filename: { type: String, default: null },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    /** The Graph API media id the send refers to; WhatsApp keeps the file 30 days. */
    mediaId: { type: String, required: true },
    /** A WebP sticker with animation frames (it may be larger than a static one). */
    animated: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);

export type Upload = InferSchemaType<typeof uploadSchema>;
export type UploadDoc = HydratedDocument<Upload>;
export const uploadModel = (c: Connection) => c.model('Upload', uploadSchema, 'uploads');

export function toUploadDTO(u: UploadDoc): UploadDTO {
  return {
    id: u._id.toHexString(),
    conversationId: u.conversationId.toHexString(),
    kind: u.kind,
    mimeType: u.mimeType,
    filename: u.filename ?? null,
    size: u.size,
    sha256: u.sha256,
    createdAt: u.createdAt.toISOString(),
  };
}
