import type { ContactChangeDTO } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A recorded change to a contact: who, when, and each field before and after (see ContactChangeDTO). */
const contactChangeSchema = new Schema({
  contactId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: ['edited', 'merged', 'merged-away'], required: true },
  actorId: { type: Schema.Types.ObjectId, default: null },
  actorName: { type: String, default: null },
  at: { type: Date, required: true },
  changes: { type: [{ _id: false, field: String, before: String, after: String }], default: [] },
  otherContactId: { type: Schema.Types.ObjectId, default: null },
});
contactChangeSchema.index({ contactId: 1, at: -1 });

export type ContactChange = InferSchemaType<typeof contactChangeSchema>;
export type ContactChangeDoc = HydratedDocument<ContactChange>;
export const contactChangeModel = (c: Connection) => c.model('ContactChange', contactChangeSchema, 'contact_changes');

export function toContactChangeDTO(c: ContactChangeDoc): ContactChangeDTO {
  return {
    id: c._id.toHexString(),
    contactId: c.contactId.toHexString(),
    kind: c.kind,
    actor: c.actorId ? { id: c.actorId.toHexString(), name: c.actorName ?? '' } : null,
    at: c.at.toISOString(),
    changes: c.changes.map((change) => ({
      field: change.field ?? '',
      before: change.before ?? null,
      after: change.after ?? null,
    })),
    otherContactId: c.otherContactId?.toHexString() ?? null,
  };
}
