import type { Types } from 'mongoose';
import { retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';

export type ContactIdentity = { waId: string | null; userId: string | null; profileName: string | null };

export class ContactService {
  constructor(private readonly models: Models) {}

  /**
   * The contact behind a WhatsApp id or business-scoped user id, created on first sight. A contact first
   * known by one identifier gains the other when a later webhook carries both.
   */
  async upsert(identity: ContactIdentity): Promise<ContactDoc> {
    const { Contact } = this.models;
    const { waId, userId, profileName } = identity;
    if (!waId && !userId) throw new Error('a contact needs a wa_id or a user_id');
    const known = await Contact.findOne({ $or: [...(waId ? [{ waId }] : []), ...(userId ? [{ userId }] : [])] });
    const set = { ...(waId ? { waId } : {}), ...(userId ? { userId } : {}), ...(profileName ? { profileName } : {}) };
    if (known) {
      return Contact.findByIdAndUpdate(known._id, { $set: set }, { new: true }).orFail();
    }
    const key = waId ? `wa:${waId}` : `uid:${userId}`;
    return retryOnDuplicateKey(() =>
      Contact.findOneAndUpdate({ key }, { $set: set, $setOnInsert: { key } }, { upsert: true, new: true }).orFail(),
    );
  }

  /** The customer moved to a new number: their history stays theirs, and new messages find them there. */
  async changeNumber(contactId: Types.ObjectId, newWaId: string): Promise<void> {
    await this.models.Contact.updateOne({ _id: contactId }, { $set: { waId: newWaId } });
  }
}
