import type { ConversationDTO } from '@switchboard/shared';
import { notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { toConversationDTO } from '../models/to-dto.js';
import type { Viewer } from './viewer.js';

const CONTACT_HISTORY_LIMIT = 50;

/** A contact's conversations the viewer may see, newest first: the "history" pane beside a conversation. */
export class ContactHistory {
  constructor(private readonly models: Models) {}

  async list(contactId: string, viewer: Viewer): Promise<ConversationDTO[]> {
    const contact = await this.models.Contact.findById(contactId);
    if (!contact) throw notFound('contact');
    const conversations = await this.models.Conversation.find({
      $and: [{ contactId: contact._id }, viewer.conversationFilter()],
    })
      .sort({ createdAt: -1, _id: -1 })
      .limit(CONTACT_HISTORY_LIMIT);
    // A contact exists because they wrote, so they have a conversation: none visible answers as none at all,
    // or a contact id (derived from a phone number) would tell an agent who is a customer outside their queues.
    if (conversations.length === 0) throw notFound('contact');
    return conversations.map((c) => toConversationDTO(c, contact));
  }
}
