import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const contactSchema = new Schema(
  {
    /** `wa:<waId>`, or `uid:<userId>` for username-only users; `_id` = keyedId('contact', key). */
    key: { type: String, required: true, unique: true },
    waId: { type: String, default: null },
    userId: { type: String, default: null },
    profileName: { type: String, default: null },
    optedOut: { type: Boolean, required: true, default: false },
    /** The profile agents keep: a name of their own for the customer (WhatsApp's stays in profileName). */
    name: { type: String, default: null },
    email: { type: String, default: null },
    language: { type: String, default: null },
    /** `vip` or `standard` (null reads as standard), for priority rules. */
    tier: { type: String, default: null },
    /** Custom attributes as pairs: their keys are the agents' words, never document keys. */
    attributes: { type: [{ _id: false, key: String, value: String }], default: [] },
    notes: { type: String, default: '' },
    /** Set once this contact was merged into another: lookups by its identities lead there. */
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    /** When the merge finished; a merge with mergedInto but no mergedAt was cut short and may be asked again. */
    mergedAt: { type: Date, default: null },
    /** The numbers of contacts merged into this one. */
    otherWaIds: { type: [String], default: [] },
    /** Bumped by every profile edit: an edit applies only to the version it read (no lost updates). */
    profileVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);

export type Contact = InferSchemaType<typeof contactSchema>;
export type ContactDoc = HydratedDocument<Contact>;
export const contactModel = (c: Connection) => c.model('Contact', contactSchema, 'contacts');
