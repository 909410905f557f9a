import { Schema, type Connection } from 'mongoose';

/**
 * A second way to find a contact: the new number after a number change, or the business-scoped user id
 * learned after the phone number. `_id` = keyedId('contact-alias', 'wa:<waId>' | 'uid:<userId>').
 */
const contactAliasSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  contactId: { type: Schema.Types.ObjectId, required: true },
});

export const contactAliasModel = (c: Connection) => c.model('ContactAlias', contactAliasSchema, 'contact_aliases');
