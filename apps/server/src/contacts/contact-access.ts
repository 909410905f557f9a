import { Types } from 'mongoose';
import { survivorOf } from '../domain/contact.service.js';
import type { Viewer } from '../domain/viewer.js';
import { notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';

/**
 * The contact as the viewer may see it: supervisors and admins see every contact, agents those with a
 * conversation they can see. A contact merged into another is answered by the one it became.
 */
export async function visibleContact(models: Models, id: string, viewer: Viewer): Promise<ContactDoc> {
  const contact = await survivorOf(models, Types.ObjectId.isValid(id) ? await models.Contact.findById(id) : null);
  if (!contact || contact.mergedInto) throw notFound('contact');
  if (viewer.seesEverything) return contact;
  const visible = await models.Conversation.findOne(
    { $and: [{ contactId: contact._id }, viewer.conversationFilter()] },
    { _id: 1 },
  );
  if (!visible) throw notFound('contact');
  return contact;
}

/** Of these contacts, the ids of those the viewer may see (one query, whatever their number). */
export async function visibleContactIds(models: Models, ids: Types.ObjectId[], viewer: Viewer): Promise<Set<string>> {
  if (viewer.seesEverything) return new Set(ids.map((id) => id.toHexString()));
  const conversations = await models.Conversation.find(
    { $and: [{ contactId: { $in: ids } }, viewer.conversationFilter()] },
    { contactId: 1 },
  );
  return new Set(conversations.map((c) => c.contactId.toHexString()));
}
