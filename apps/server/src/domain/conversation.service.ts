import type { ConversationDTO, ListConversationsQuery, Page } from '@switchboard/shared';
import { Types, type FilterQuery } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { Conversation, ConversationDoc } from '../models/conversation.model.js';
import type { ContactDoc } from '../models/contact.model.js';
import { toConversationDTO } from '../models/to-dto.js';
import type { ConversationLog } from './conversation-log.js';
import type { Viewer } from './viewer.js';

const MAX_OPEN_RACES = 10;

/**
 * Conversations: one open conversation per contact and business number. A message that arrives after
 * resolution reopens the last conversation when it was resolved less than `reopenWindowMs` ago, and
 * starts a new one otherwise (so "thanks!" right after resolving lands in the same thread).
 */
export class ConversationService {
  constructor(
    private readonly models: Models,
    private readonly log: ConversationLog,
    private readonly reopenWindowMs: number,
  ) {}

  /** `activityAt` is when the customer wrote: a new conversation's last activity starts there. */
  async openFor(contactId: Types.ObjectId, channelId: Types.ObjectId, activityAt: Date): Promise<ConversationDoc> {
    const now = new Date();
    const { Conversation } = this.models;
    const openKey = `${contactId.toHexString()}:${channelId.toHexString()}`;
    for (let race = 0; race < MAX_OPEN_RACES; race++) {
      const open = await Conversation.findOne({ openKey });
      if (open) return open;
      try {
        const reopened = await this.reopenRecent(contactId, channelId, openKey, now);
        const conversation = reopened ?? (await Conversation.create({ channelId, contactId, status: 'open', openKey, openedAt: now, lastMessageAt: activityAt }));
        await this.announce(conversation, `opened:${conversation.openedAt.getTime()}`);
        return conversation;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`could not open a conversation for contact ${contactId.toHexString()}`);
  }

  private async reopenRecent(contactId: Types.ObjectId, channelId: Types.ObjectId, openKey: string, now: Date) {
    const since = new Date(now.getTime() - this.reopenWindowMs);
    const recent = await this.models.Conversation.findOne({ contactId, channelId, status: 'resolved', resolvedAt: { $gte: since } }).sort({
      resolvedAt: -1,
    });
    if (!recent) return null;
    return this.models.Conversation.findOneAndUpdate(
      { _id: recent._id, status: 'resolved' },
      { $set: { status: 'open', openKey, openedAt: now, resolvedAt: null } },
      { new: true },
    );
  }

  async resolve(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.findVisible(id, viewer);
    if (conversation.status === 'resolved') throw new AppError('CONFLICT', 'the conversation is resolved already');
    const now = new Date();
    const resolved = await this.models.Conversation.findOneAndUpdate(
      { _id: conversation._id, status: 'open' },
      { $set: { status: 'resolved', resolvedAt: now, openKey: conversation._id.toHexString() } },
      { new: true },
    );
    if (!resolved) throw new AppError('CONFLICT', 'the conversation changed meanwhile; reload it');
    const event = await this.announce(resolved, `resolved:${now.getTime()}`);
    return event;
  }

  /** Publishes the conversation's current state as a change; `cause` names the change for deduplication. */
  async announce(conversation: ConversationDoc, cause: string): Promise<ConversationDTO> {
    const fresh = await this.models.Conversation.findById(conversation._id).orFail();
    const contact = await this.models.Contact.findById(fresh.contactId).orFail();
    const event = await this.log.append({
      conversationId: fresh._id,
      channelId: fresh.channelId,
      type: 'conversation:updated',
      dedupeKey: `conv:${fresh._id.toHexString()}:${cause}`,
      data: toConversationDTO(fresh, contact),
    });
    return event.data as ConversationDTO;
  }

  async findVisible(id: string, viewer: Viewer): Promise<ConversationDoc> {
    const conversation = await this.models.Conversation.findById(id);
    if (!conversation || !viewer.canSeeChannel(conversation.channelId)) throw notFound('conversation');
    return conversation;
  }

  async get(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.findVisible(id, viewer);
    const [dto] = await this.withContacts([conversation]);
    return dto!;
  }

  /** Newest activity first; the cursor is the last item's (lastMessageAt, id). */
  async list(query: ListConversationsQuery, viewer: Viewer): Promise<Page<ConversationDTO>> {
    const filter: FilterQuery<Conversation> = { ...viewer.channelFilter() };
    if (query.status) filter.status = query.status;
    if (query.channelId) {
      if (!viewer.canSeeChannel(new Types.ObjectId(query.channelId))) return { items: [], nextCursor: null };
      filter.channelId = new Types.ObjectId(query.channelId);
    }
    if (query.assigneeId) filter.assigneeId = query.assigneeId === 'none' ? null : new Types.ObjectId(query.assigneeId);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const conditions: FilterQuery<Conversation>[] = [filter];
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
