import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';

export type ContactIdentity = { waId: string | null; userId: string | null; profileName: string | null };

const keysOf = ({ waId, userId }: Pick<ContactIdentity, 'waId' | 'userId'>) => [
  ...(waId ? [`wa:${waId}`] : []),
  ...(userId ? [`uid:${userId}`] : []),
];

/** A chain of merges (A into B, then B into C) is followed this far; longer ones are a bug, not data. */
const MAX_MERGE_HOPS = 5;

/** A contact merged into another stands for that one: its identities and links lead there. */
export async function survivorOf(models: Models, contact: ContactDoc | null): Promise<ContactDoc | null> {
  // Hot path: by _id, each hop (an index lookup on both databases).
  for (let hops = 0; contact?.mergedInto && hops < MAX_MERGE_HOPS; hops++)
    contact = await models.Contact.findById(contact.mergedInto);
  return contact;
}

/**
 * A merged contact writing from one of its other numbers: replies go where the customer wrote last, and the
 * number it used before joins the other numbers. Nothing to change for any other number.
 */
function otherNumbersAfter(known: ContactDoc, waId: string | null): { otherWaIds?: string[] } {
  if (!waId || !known.waId || waId === known.waId || !known.otherWaIds.includes(waId)) return {};
  return { otherWaIds: [...known.otherWaIds.filter((other) => other !== waId), known.waId] };
}

export class ContactService {
  constructor(private readonly models: Models) {}

  /**
   * The contact behind a WhatsApp id and/or business-scoped user id, created on first sight. A contact
   * first known by one identifier is found by the other once a webhook has carried both.
   */
  async upsert(identity: ContactIdentity): Promise<ContactDoc> {
    const keys = keysOf(identity);
    const [primary] = keys;
    if (!primary) throw new Error('a contact needs a wa_id or a user_id');
    const known = await this.findByKeys(keys);
    const set = {
      ...(identity.waId ? { waId: identity.waId } : {}),
      ...(identity.userId ? { userId: identity.userId } : {}),
      ...(identity.profileName ? { profileName: identity.profileName } : {}),
      ...(known ? otherNumbersAfter(known, identity.waId) : {}),
    };
    const unchanged =
      known && Object.entries(set).every(([field, value]) => String(known.get(field)) === String(value));
    // Hot path: by _id, either write (an index lookup on both databases): the known contact's, or the one keyed by its
    // identity (keyedId).
    const contact = unchanged
      ? known
      : known
        ? await this.models.Contact.findByIdAndUpdate(known._id, { $set: set }, { new: true }).orFail()
        : await retryOnDuplicateKey(() =>
            this.models.Contact.findOneAndUpdate(
              { _id: keyedId('contact', primary) },
              { $set: set, $setOnInsert: { key: primary } },
              { upsert: true, new: true },
            ).orFail(),
          );
    for (const key of keys) if (key !== contact.key) await this.addAlias(key, contact._id);
    return contact;
  }

  /**
   * The customer moved to a new number or business-scoped id: their history stays theirs, and messages under
   * the new identifier find them (the old ones keep finding them too, through their aliases).
   */
  async changeIdentity(contactId: Types.ObjectId, next: Pick<ContactIdentity, 'waId' | 'userId'>): Promise<void> {
    const set = { ...(next.waId ? { waId: next.waId } : {}), ...(next.userId ? { userId: next.userId } : {}) };
    if (Object.keys(set).length === 0) return;
    // Hot path: by _id.
    await this.models.Contact.updateOne({ _id: contactId }, { $set: set });
    for (const key of keysOf(next)) await this.addAlias(key, contactId);
  }

  /** The contact known by either identifier, or null. */
  find(identity: Pick<ContactIdentity, 'waId' | 'userId'>): Promise<ContactDoc | null> {
    return this.findByKeys(keysOf(identity));
  }

  private async findByKeys(keys: string[]): Promise<ContactDoc | null> {
    for (const key of keys) {
      // Hot path: by _id.
      const direct = await this.models.Contact.findById(keyedId('contact', key));
      if (direct) return this.survivorOf(direct);
      // Hot path: by _id, the alias and then its contact (an index lookup on both databases).
      const alias = await this.models.ContactAlias.findById(keyedId('contact-alias', key));
      if (alias) return this.survivorOf(await this.models.Contact.findById(alias.contactId));
    }
    return null;
  }

  private survivorOf(contact: ContactDoc | null): Promise<ContactDoc | null> {
    return survivorOf(this.models, contact);
  }

  private async addAlias(key: string, contactId: Types.ObjectId) {
    try {
      await this.models.ContactAlias.create({ _id: keyedId('contact-alias', key), contactId });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
