import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const contactSchema = new Schema(
  {
    /** `wa:<waId>`, or `uid:<userId>` for username-only users; `_id` = keyedId('contact', key). */
    key: { type: String, required: true, unique: true },
    waId: { type: String, default: null },
    userId: { type: String, default: null },
    profileName: { type: String, default: null },
    optedOut: { type: Boolean, required: true, default: false },
    /** A customer tier such as `vip`, for priority rules. */
    tier: { type: String, default: null },
  },
  { timestamps: true },
);

export type Contact = InferSchemaType<typeof contactSchema>;
export type ContactDoc = HydratedDocument<Contact>;
export const contactModel = (c: Connection) => c.model('Contact', contactSchema, 'contacts');
