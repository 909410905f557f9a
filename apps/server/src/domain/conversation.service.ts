import { isDeepStrictEqual } from 'node:util';
import type { ConversationDTO, ListConversationsQuery, Page } from '@switchboard/shared';
import { Types, type FilterQuery } from 'mongoose';
import { notFound } from '../lib/errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { Conversation, ConversationDoc } from '../models/conversation.model.js';
import type { ContactDoc } from '../models/contact.model.js';
import { toConversationDTO } from '../models/to-dto.js';
import type { Change, ConversationLog } from './conversation-log.js';
import type { ConversationSlots } from './conversation-slots.js';
import type { DomainEvents } from './domain-events.js';
import type { Viewer } from './viewer.js';

/** A conversation as a caller's own write just returned it. */
export type CurrentState = { fresh: ConversationDoc; contact?: ContactDoc };

const MAX_OPEN_RACES = 20;
/** How many times one announcement follows writes that landed while it was being logged. */
const MAX_CATCH_UPS = 3;
const RACE_PAUSE_MS = 25;

/**
 * Conversations: one open conversation per contact and business number (see ConversationSlots).
 * A message that arrives after resolution reopens the last conversation when it was resolved less than
 * `reopenWindowMs` ago, and starts a new one otherwise (so "thanks!" right after resolving lands in the
 * same thread, and a new problem next week starts a fresh one). Resolving and an agent's reopening are
 * the conversations feature's (conversations/lifecycle.service.ts).
 */
export class ConversationService {
  constructor(
    private readonly models: Models,
    private readonly slots: ConversationSlots,
    private readonly log: ConversationLog,
    private readonly events: DomainEvents,
    private readonly reopenWindowMs: number,
  ) {}

  /** The contact's open conversation on this number, if it has one (two reads by _id; nothing is opened). */
  async findOpen(contactId: Types.ObjectId, channelId: Types.ObjectId): Promise<ConversationDoc | null> {
    const slot = await this.slots.find(this.slots.idOf(contactId, channelId));
    // Hot path: by _id.
    return slot?.open ? this.models.Conversation.findById(slot.conversationId).orFail() : null;
  }

  /**
   * `activityAt` is when the customer wrote: a new conversation's last activity starts there. `keepsResolved`:
   * whether the message belongs to the last, resolved conversation as it is (see survey-answers.ts). Announcing it
   * is the caller's: each one changes it further at once (the message that opened it, a bot's handoff).
   */
  async openFor(
    contactId: Types.ObjectId,
    channelId: Types.ObjectId,
    activityAt: Date,
    keepsResolved?: (last: ConversationDoc) => boolean,
  ): Promise<ConversationDoc> {
    const { Conversation } = this.models;
    const slotId = this.slots.idOf(contactId, channelId);
    const openKey = this.slots.openKeyOf(contactId, channelId);
    for (let race = 0; race < MAX_OPEN_RACES; race++) {
      const slot = await this.slots.find(slotId);
      // Hot path: by _id.
      if (slot?.open) return Conversation.findById(slot.conversationId).orFail();
      const now = new Date();
      // Hot path: by _id.
      const last = slot ? await Conversation.findById(slot.conversationId) : null;
      // A reply to its satisfaction survey joins the resolved conversation and leaves it resolved.
      if (last && keepsResolved?.(last)) return last;
      const recent =
        last?.resolvedAt && now.getTime() - last.resolvedAt.getTime() < this.reopenWindowMs ? last._id : null;
      try {
        // Hot path: by _id, or an insert (an index lookup on both databases).
        const conversation = recent
          ? await Conversation.findByIdAndUpdate(
              recent,
              { $set: { status: 'open', openKey, openedAt: now, resolvedAt: null } },
              { new: true },
            ).orFail()
          : await Conversation.create({
              channelId,
              contactId,
              status: 'open',
              openKey,
              openedAt: now,
              lastMessageAt: activityAt,
            });
        await this.slots.point(slotId, conversation._id, true);
        return conversation;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const holder = await this.slots.heal(slotId, openKey);
        if (holder) return holder;
        await new Promise((r) => setTimeout(r, RACE_PAUSE_MS));
      }
    }
    throw new Error(`could not open a conversation for contact ${contactId.toHexString()}`);
  }

  /**
   * Publishes the conversation's current state as a change; `cause` names the change for deduplication.
   * `current`, instead of reads: the state a caller's own write just returned (the log knows any number this
   * process took since), and the contact when the caller has it. `before`: changes that led to this state
   * (a message), logged just ahead of it in the same append.
   */
  async announce(
    conversation: ConversationDoc,
    cause: string,
    current?: CurrentState,
    before: Change[] = [],
  ): Promise<ConversationDTO> {
    // Hot path: by _id.
    let fresh = current?.fresh ?? (await this.models.Conversation.findById(conversation._id).orFail());
    // Hot path: by _id.
    const contact = current?.contact ?? (await this.models.Contact.findById(fresh.contactId).orFail());
    let changes = [...before, this.updated(fresh, contact, cause)];
    let known: ConversationDoc | undefined = current ? fresh : undefined;
    let announced: ConversationDTO | null = null;
    // A writer that read the conversation before another's write would leave the log on what it read: the log
    // ends on the stored state, so what it stored after these events, if it differs, is announced after them.
    for (let round = 0; round < MAX_CATCH_UPS; round++) {
      const { events, stored } = await this.log.appendReading(changes, known);
      const event = events.at(-1);
      if (event?.type === 'conversation:updated') announced = event.data;
      if (!stored || sameState(stored, fresh, contact)) break;
      fresh = stored;
      known = stored;
      changes = [this.updated(stored, contact, `${cause}:caught-up:${stored.seq}`)];
    }
    this.events.emit('conversation.saved', fresh);
    return announced ?? toConversationDTO(fresh, contact);
  }

  private updated(fresh: ConversationDoc, contact: ContactDoc, cause: string): Change {
    return {
      conversationId: fresh._id,
      channelId: fresh.channelId,
      type: 'conversation:updated',
      dedupeKey: `conv:${fresh._id.toHexString()}:${cause}`,
      data: toConversationDTO(fresh, contact),
    };
  }

  async findVisible(id: string, viewer: Viewer): Promise<ConversationDoc> {
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(id);
    if (!conversation || !viewer.canSee(conversation)) throw notFound('conversation');
    return conversation;
  }

  async get(id: string, viewer: Viewer): Promise<ConversationDTO> {
    return this.dtoOf(await this.findVisible(id, viewer));
  }

  /** The current state, for answering whoever just acted on it (they may no longer see it: a transfer). */
  async current(id: string): Promise<ConversationDTO> {
    return this.dtoOf(await this.models.Conversation.findById(id).orFail());
  }

  private async dtoOf(conversation: ConversationDoc): Promise<ConversationDTO> {
    const [dto] = await this.withContacts([conversation]);
    return dto!;
  }

  /** Newest activity first; the cursor is the last item's (lastMessageAt, id). */
  async list(query: ListConversationsQuery, viewer: Viewer): Promise<Page<ConversationDTO>> {
    const filter: FilterQuery<Conversation> = {};
    if (query.status) filter.status = query.status;
    if (query.channelId) filter.channelId = new Types.ObjectId(query.channelId);
    if (query.assigneeId) filter.assigneeId = query.assigneeId === 'none' ? null : new Types.ObjectId(query.assigneeId);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const conditions: FilterQuery<Conversation>[] = [filter, viewer.conversationFilter()];
    if (after) {
      const at = new Date(after.at);
      conditions.push({
        $or: [{ lastMessageAt: { $lt: at } }, { lastMessageAt: at, _id: { $lt: new Types.ObjectId(after.id) } }],
      });
    }
    const docs = await this.models.Conversation.find({ $and: conditions })
      .sort({ lastMessageAt: -1, _id: -1 })
      .limit(query.limit + 1);
    const page = docs.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await this.withContacts(page),
      nextCursor:
        docs.length > query.limit && last
          ? encodeCursor({ at: (last.lastMessageAt ?? new Date(0)).toISOString(), id: last._id.toHexString() })
          : null,
    };
  }

  private async withContacts(conversations: ConversationDoc[]): Promise<ConversationDTO[]> {
    const contacts = await this.models.Contact.find({ _id: { $in: conversations.map((c) => c.contactId) } });
    const byId = new Map<string, ContactDoc>(contacts.map((c) => [c._id.toHexString(), c]));
    return conversations.map((c) => toConversationDTO(c, byId.get(c.contactId.toHexString())!));
  }
}

/** Whether two reads of a conversation show clients the same thing (the log's bookkeeping aside). */
function sameState(a: ConversationDoc, b: ConversationDoc, contact: ContactDoc): boolean {
  const shown = (c: ConversationDoc) => ({ ...toConversationDTO(c, contact), seq: 0, updatedAt: '' });
  return isDeepStrictEqual(shown(a), shown(b));
}
