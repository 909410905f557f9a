import type { ConversationDTO, ListConversationsQuery, Page } from '@switchboard/shared';
import { Types, type FilterQuery } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { Conversation, ConversationDoc } from '../models/conversation.model.js';
import type { ContactDoc } from '../models/contact.model.js';
import { toConversationDTO } from '../models/to-dto.js';
import type { Change, ConversationLog } from './conversation-log.js';
import type { DomainEvents } from './domain-events.js';
import type { Viewer } from './viewer.js';

/** A conversation as a caller's own write just returned it. */
export type CurrentState = { fresh: ConversationDoc; contact?: ContactDoc };

const MAX_OPEN_RACES = 20;
const RACE_PAUSE_MS = 25;

const slotIdOf = (contactId: Types.ObjectId, channelId: Types.ObjectId) =>
  keyedId('slot', `${contactId.toHexString()}:${channelId.toHexString()}`);

/**
 * Conversations: one open conversation per contact and business number (a unique `openKey` guards it).
 * A message that arrives after resolution reopens the last conversation when it was resolved less than
 * `reopenWindowMs` ago, and starts a new one otherwise (so "thanks!" right after resolving lands in the
 * same thread, and a new problem next week starts a fresh one).
 */
export class ConversationService {
  constructor(
    private readonly models: Models,
    private readonly log: ConversationLog,
    private readonly events: DomainEvents,
    private readonly reopenWindowMs: number,
  ) {}

  /** The contact's open conversation on this number, if it has one (two reads by _id; nothing is opened). */
  async findOpen(contactId: Types.ObjectId, channelId: Types.ObjectId): Promise<ConversationDoc | null> {
    const slot = await this.models.ConversationSlot.findById(slotIdOf(contactId, channelId));
    return slot?.open ? this.models.Conversation.findById(slot.conversationId).orFail() : null;
  }

  /**
   * `activityAt` is when the customer wrote: a new conversation's last activity starts there. Announcing it
   * is the caller's: each one changes it further at once (the message that opened it, a bot's handoff).
   */
  async openFor(contactId: Types.ObjectId, channelId: Types.ObjectId, activityAt: Date): Promise<ConversationDoc> {
    const { Conversation, ConversationSlot } = this.models;
    const slotId = slotIdOf(contactId, channelId);
    const openKey = `${contactId.toHexString()}:${channelId.toHexString()}`;
    for (let race = 0; race < MAX_OPEN_RACES; race++) {
      const slot = await ConversationSlot.findById(slotId);
      if (slot?.open) return Conversation.findById(slot.conversationId).orFail();
      const now = new Date();
      const last = slot ? await Conversation.findById(slot.conversationId) : null;
      const recent = last?.resolvedAt && now.getTime() - last.resolvedAt.getTime() < this.reopenWindowMs ? last._id : null;
      try {
        const conversation = recent
          ? await Conversation.findByIdAndUpdate(recent, { $set: { status: 'open', openKey, openedAt: now, resolvedAt: null } }, { new: true }).orFail()
          : await Conversation.create({ channelId, contactId, status: 'open', openKey, openedAt: now, lastMessageAt: activityAt });
        await this.pointSlot(slotId, conversation._id, true);
        return conversation;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const holder = await this.healSlot(slotId, openKey);
        if (holder) return holder;
        await new Promise((r) => setTimeout(r, RACE_PAUSE_MS));
      }
    }
    throw new Error(`could not open a conversation for contact ${contactId.toHexString()}`);
  }

  /**
   * Another writer opened the conversation first, or a crash left it open without its slot: point the slot
   * at the open conversation. A search by openKey, on this rare path only.
   */
  private async healSlot(slotId: Types.ObjectId, openKey: string): Promise<ConversationDoc | null> {
    const holder = await this.models.Conversation.findOne({ openKey });
    if (!holder) return null;
    await this.pointSlot(slotId, holder._id, true);
    return holder;
  }

  /** Two writers may create the slot at once; the loser's retry updates the winner's. */
  private pointSlot(slotId: Types.ObjectId, conversationId: Types.ObjectId, open: boolean) {
    return retryOnDuplicateKey(() =>
      this.models.ConversationSlot.updateOne({ _id: slotId }, { $set: { conversationId, open } }, { upsert: true }),
    );
  }

  async resolve(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.findVisible(id, viewer);
    if (conversation.status === 'resolved') throw new AppError('CONFLICT', 'the conversation is resolved already');
    const now = new Date();
    const resolved = await this.models.Conversation.findByIdAndUpdate(
      conversation._id,
      { $set: { status: 'resolved', resolvedAt: now, openKey: conversation._id.toHexString() } },
      { new: true },
    ).orFail();
    await this.pointSlot(slotIdOf(conversation.contactId, conversation.channelId), conversation._id, false);
    return this.announce(resolved, `resolved:${now.getTime()}`);
  }

  /**
   * Opens a resolved conversation again, unless the customer has a newer open one on this number: the
   * conflict names it. Routing and announcing are the caller's.
   */
  async reopen(conversation: ConversationDoc): Promise<ConversationDoc> {
    if (conversation.status === 'open') throw new AppError('CONFLICT', 'the conversation is open already');
    const slotId = slotIdOf(conversation.contactId, conversation.channelId);
    const openKey = `${conversation.contactId.toHexString()}:${conversation.channelId.toHexString()}`;
    const slot = await this.models.ConversationSlot.findById(slotId);
    if (slot?.open && !slot.conversationId.equals(conversation._id)) throw newerOpenConflict(slot.conversationId);
    try {
      const reopened = await this.models.Conversation.findByIdAndUpdate(
        conversation._id,
        { $set: { status: 'open', openKey, openedAt: new Date(), resolvedAt: null } },
        { new: true },
      ).orFail();
      await this.pointSlot(slotId, conversation._id, true);
      return reopened;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw newerOpenConflict((await this.healSlot(slotId, openKey))?._id ?? null);
    }
  }

  /**
   * Publishes the conversation's current state as a change; `cause` names the change for deduplication.
   * `current`, instead of reads: the state a caller's own write just returned (the log knows any number this
   * process took since), and the contact when the caller has it. `before`: changes that led to this state
   * (a message), logged just ahead of it in the same append.
   */
  async announce(conversation: ConversationDoc, cause: string, current?: CurrentState, before: Change[] = []): Promise<ConversationDTO> {
    const fresh = current?.fresh ?? (await this.models.Conversation.findById(conversation._id).orFail());
    const contact = current?.contact ?? (await this.models.Contact.findById(fresh.contactId).orFail());
    const events = await this.log.appendAll(
      [
        ...before,
        {
          conversationId: fresh._id,
          channelId: fresh.channelId,
          type: 'conversation:updated',
          dedupeKey: `conv:${fresh._id.toHexString()}:${cause}`,
          data: toConversationDTO(fresh, contact),
        },
      ],
      current ? fresh : undefined,
    );
    this.events.emit('conversation.saved', fresh);
    const event = events.at(-1);
    return event?.type === 'conversation:updated' ? event.data : toConversationDTO(fresh, contact);
  }

  async findVisible(id: string, viewer: Viewer): Promise<ConversationDoc> {
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
      nextCursor: docs.length > query.limit && last ? encodeCursor({ at: (last.lastMessageAt ?? new Date(0)).toISOString(), id: last._id.toHexString() }) : null,
    };
  }

  private async withContacts(conversations: ConversationDoc[]): Promise<ConversationDTO[]> {
    const contacts = await this.models.Contact.find({ _id: { $in: conversations.map((c) => c.contactId) } });
    const byId = new Map<string, ContactDoc>(contacts.map((c) => [c._id.toHexString(), c]));
    return conversations.map((c) => toConversationDTO(c, byId.get(c.contactId.toHexString())!));
  }
}

const newerOpenConflict = (id: Types.ObjectId | null) =>
  new AppError('CONFLICT', `the customer has a newer open conversation${id ? ` (${id.toHexString()})` : ''} on this number; continue there`);
