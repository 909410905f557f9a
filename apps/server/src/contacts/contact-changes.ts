import type { ContactChangeDTO, ContactFieldChange } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Models } from '../models/index.js';
import { toContactChangeDTO, type ContactChange } from '../models/contact-change.model.js';

export type ContactActor = { id: string; name: string };

/** How many of a contact's conversations (newest first) are told about a change to it. */
const ANNOUNCED_CONVERSATIONS = 50;

/**
 * What every change to a contact does after it is stored: the record (who, when, before and after), a
 * `conversation:updated` for its conversations (so every inbox shows the new name and tier), and the
 * `contact.changed` event (the VIP rule follows the tier).
 */
export class ContactChanges {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly events: DomainEvents,
  ) {}

  async record(
    contactId: Types.ObjectId,
    kind: ContactChange['kind'],
    changes: ContactFieldChange[],
    actor: ContactActor,
    otherContactId: Types.ObjectId | null = null,
  ): Promise<ContactChangeDTO> {
    const record = await this.models.ContactChange.create({
      contactId,
      kind,
      actorId: actor.id,
      actorName: actor.name,
      at: new Date(),
      changes,
      otherContactId,
    });
    return toContactChangeDTO(record);
  }

  /** Pushes the contact's conversations again and announces which fields changed. */
  async announce(contactId: Types.ObjectId, cause: string, fields: string[]): Promise<void> {
    const conversations = await this.models.Conversation.find({ contactId })
      .sort({ createdAt: -1 })
      .limit(ANNOUNCED_CONVERSATIONS);
    for (const conversation of conversations) await this.conversations.announce(conversation, `contact:${cause}`);
    this.events.emit('contact.changed', contactId.toHexString(), fields);
  }

  /** Newest first. */
  async list(contactId: Types.ObjectId): Promise<ContactChangeDTO[]> {
    const records = await this.models.ContactChange.find({ contactId }).sort({ at: -1, _id: -1 }).limit(200);
    return records.map(toContactChangeDTO);
  }
}
