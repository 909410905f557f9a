import {
  contactDisplayName,
  type ListMentionsQuery,
  type MentionableUserDTO,
  type MentionListDTO,
  type MessageDTO,
  type ReadMentionsRequest,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { DomainEvents } from '../domain/domain-events.js';
import { viewerOf } from '../domain/user.service.js';
import type { Viewer } from '../domain/viewer.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { toMentionDTO } from '../models/mention.model.js';
import { toContactDTO } from '../models/to-dto.js';
import { mentionedIn } from './mention-parser.js';

const EXCERPT_LENGTH = 160;

const excerptOf = (text: string) =>
  text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;

/**
 * `@name` in an internal note: each colleague named who can see the conversation gets a mention, listed in
 * their "Mentions" view and announced (`mention.created`) so their inbox notifies them.
 */
export class MentionService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly events: DomainEvents,
  ) {}

  /** Records who a stored note names; a note announced twice mentions each colleague once. */
  async recordFrom(note: MessageDTO): Promise<number> {
    if (note.content.type !== 'note' || !note.authorId) return 0;
    // Hot path (a note): bounded — the team's users, read whole on both databases; they do not grow with traffic.
    const users = await this.models.User.find({ active: true });
    const named = mentionedIn(
      note.content.body,
      users.map((u) => ({ id: u.id as string, name: u.name, email: u.email })),
    ).filter((id) => id !== note.authorId);
    if (named.length === 0) return 0;
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(note.conversationId).orFail();
    // Hot path: by _id.
    const contact = await this.models.Contact.findById(conversation.contactId).orFail();
    const author = users.find((u) => u.id === note.authorId);
    let recorded = 0;
    for (const user of users.filter((u) => named.includes(u.id as string))) {
      if (!viewerOf(user).canSee(conversation)) continue;
      try {
        const mention = await this.models.Mention.create({
          _id: keyedId('mention', `${note.id}:${user.id as string}`),
          userId: user._id,
          conversationId: conversation._id,
          messageId: new Types.ObjectId(note.id),
          authorId: new Types.ObjectId(note.authorId),
          authorName: author?.name ?? '?',
          excerpt: excerptOf(note.content.body),
          contactName: contactDisplayName(toContactDTO(contact)),
        });
        recorded++;
        this.events.emit('mention.created', toMentionDTO(mention), user.id as string);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return recorded;
  }

  /** The user's mentions, newest first, and how many are unread. */
  async list(userId: string, query: ListMentionsQuery): Promise<MentionListDTO> {
    const mine = { userId: new Types.ObjectId(userId) };
    const items = await this.models.Mention.find({
      ...mine,
      ...(query.unread === 'true' ? { readAt: null } : query.unread === 'false' ? { readAt: { $ne: null } } : {}),
    })
      .sort({ createdAt: -1, _id: -1 })
      .limit(query.limit);
    return { items: items.map(toMentionDTO), unreadCount: await this.unreadCount(userId) };
  }

  /** Marks read the user's mentions in a conversation (they opened it) or those named. */
  async markRead(userId: string, request: ReadMentionsRequest): Promise<{ unreadCount: number }> {
    const which = request.conversationId
      ? { conversationId: new Types.ObjectId(request.conversationId) }
      : { _id: { $in: (request.ids ?? []).map((id) => new Types.ObjectId(id)) } };
    const result = await this.models.Mention.updateMany(
      { userId: new Types.ObjectId(userId), readAt: null, ...which },
      { $set: { readAt: new Date() } },
    );
    const unreadCount = await this.unreadCount(userId);
    if (result.modifiedCount > 0) this.events.emit('mentions.read', userId, unreadCount);
    return { unreadCount };
  }

  /** Who may be named in this conversation's notes: the active users who can see it, by name. */
  async mentionable(conversationId: string, viewer: Viewer): Promise<MentionableUserDTO[]> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const users = await this.models.User.find({ active: true }).sort({ name: 1 });
    return users.filter((u) => viewerOf(u).canSee(conversation)).map((u) => ({ id: u.id as string, name: u.name }));
  }

  private unreadCount(userId: string): Promise<number> {
    return this.models.Mention.countDocuments({ userId: new Types.ObjectId(userId), readAt: null });
  }
}
