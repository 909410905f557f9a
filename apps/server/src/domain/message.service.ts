import type { ListMessagesQuery, MessageContent, MessageDTO, Page, ProviderError, whatsapp } from '@switchboard/shared';
import { Types } from 'mongoose';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import { toMessageDTO } from '../models/to-dto.js';
import type { NormalizedMessage } from '../ingest/message-normalizer.js';
import type { ConversationLog } from './conversation-log.js';
import type { ConversationService } from './conversation.service.js';
import { STATUS_RANK } from './message-status.js';
import type { Viewer } from './viewer.js';

export type InboundMessage = NormalizedMessage & {
  providerMessageId: string;
  channelId: Types.ObjectId;
  contactId: Types.ObjectId;
  sentAt: Date;
};

export type StatusUpdate = {
  providerMessageId: string;
  status: whatsapp.DeliveryStatus;
  at: Date;
  error: ProviderError | null;
};

export class MessageService {
  constructor(
    private readonly models: Models,
    private readonly log: ConversationLog,
    private readonly conversations: ConversationService,
  ) {}

  /**
   * Stores an inbound message once, however often WhatsApp delivers it, and announces it. Safe to repeat
   * after a crash at any step: every write is keyed, so a retry completes what the first try left undone.
   */
  async recordInbound(input: InboundMessage): Promise<MessageDoc> {
    const key = `wa:${input.providerMessageId}`;
    const known = await this.models.Message.findOne({ key });
    const conversation = known
      ? await this.models.Conversation.findById(known.conversationId).orFail()
      : await this.conversations.openFor(input.contactId, input.channelId, input.sentAt);
    const message = known ?? (await this.insertOnce(key, input, conversation));
    await this.touchConversation(conversation, message, input.preview);
    await this.announceMessage(message, 'created');
    await this.conversations.announce(conversation, `message:${message._id.toHexString()}`);
    return message;
  }

  private async insertOnce(key: string, input: InboundMessage, conversation: ConversationDoc): Promise<MessageDoc> {
    try {
      return await this.models.Message.create({
        key,
        conversationId: conversation._id,
        channelId: input.channelId,
        contactId: input.contactId,
        direction: 'inbound',
        providerMessageId: input.providerMessageId,
        type: input.content.type,
        content: input.content,
        context: input.context,
        referral: input.referral,
        status: 'received',
        sentAt: input.sentAt,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.models.Message.findOne({ key }).orFail();
    }
  }

  /** Every field is derived so that repeating it changes nothing: counts are counted, times only move forward. */
  private async touchConversation(conversation: ConversationDoc, message: MessageDoc, preview: string) {
    const { Conversation, Message } = this.models;
    const messageCount = await Message.countDocuments({ conversationId: conversation._id });
    await Conversation.updateOne(
      { _id: conversation._id },
      {
        $set: { messageCount },
        $max: { lastMessageAt: message.sentAt, ...(message.direction === 'inbound' ? { lastInboundAt: message.sentAt } : {}) },
      },
    );
    await Conversation.updateOne(
      { _id: conversation._id, lastMessageAt: { $lte: message.sentAt } },
      { $set: { lastMessagePreview: preview } },
    );
  }

  /**
   * Records an outbound message the provider accepted, and applies any status that arrived before it.
   * The outbound issue's delivery worker is the caller; it names the message by its idempotency key.
   */
  async recordOutbound(input: {
    idempotencyKey: string;
    conversation: ConversationDoc;
    content: MessageContent;
    providerMessageId: string;
    sentAt: Date;
    preview: string;
  }): Promise<MessageDoc> {
    const key = `out:${input.idempotencyKey}`;
    const message =
      (await this.models.Message.findOne({ key })) ??
      (await this.models.Message.create({
        key,
        conversationId: input.conversation._id,
        channelId: input.conversation.channelId,
        contactId: input.conversation.contactId,
        direction: 'outbound',
        providerMessageId: input.providerMessageId,
        type: input.content.type,
        content: input.content,
        status: 'queued',
        sentAt: input.sentAt,
      }));
    await this.touchConversation(input.conversation, message, input.preview);
    await this.announceMessage(message, 'created');
    await this.conversations.announce(input.conversation, `message:${message._id.toHexString()}`);
    const early = await this.models.DeliveryStatus.find({ providerMessageId: input.providerMessageId }).sort({ at: 1 });
    for (const s of early) {
      await this.applyStatus({ providerMessageId: s.providerMessageId, status: s.status, at: s.at, error: s.error ? (s.error as ProviderError) : null });
    }
    return this.models.Message.findById(message._id).orFail();
  }

  /**
   * Applies a delivery status: recorded once, the status only moves forward, each step's time is kept even
   * when it arrives late. Returns false when the message is not known (yet): the status waits for it.
   */
  async applyStatus(update: StatusUpdate): Promise<boolean> {
    const { DeliveryStatus, Message } = this.models;
    try {
      await DeliveryStatus.create({ ...update, dedupeKey: `${update.providerMessageId}:${update.status}`, recordedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const message = await Message.findOne({ providerMessageId: update.providerMessageId, direction: 'outbound' });
    if (!message) return false;
    const rank = STATUS_RANK[update.status];
    const stamp = `statusTimestamps.${update.status}`;
    await Message.updateOne({ _id: message._id, [stamp]: null }, { $set: { [stamp]: update.at } });
    await Message.updateOne(
      { _id: message._id, statusRank: { $lt: rank } },
      { $set: { status: update.status, statusRank: rank, ...(update.error ? { error: update.error } : {}) } },
    );
    const updated = await Message.findById(message._id).orFail();
    await this.announceMessage(updated, `status:${update.status}`);
    return true;
  }

  private async announceMessage(message: MessageDoc, change: string) {
    await this.log.append({
      conversationId: message.conversationId,
      channelId: message.channelId,
      type: change === 'created' ? 'message:created' : 'message:status-updated',
      dedupeKey: `msg:${message._id.toHexString()}:${change}`,
      data: toMessageDTO(message),
    });
  }

  /** Oldest to newest, in the order customers wrote them (WhatsApp's timestamps), not the order they arrived. */
  async list(conversationId: string, query: ListMessagesQuery, viewer: Viewer): Promise<Page<MessageDTO>> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const filter = after
      ? {
          conversationId: conversation._id,
          $or: [{ sentAt: { $gt: new Date(after.at) } }, { sentAt: new Date(after.at), _id: { $gt: new Types.ObjectId(after.id) } }],
        }
      : { conversationId: conversation._id };
    const docs = await this.models.Message.find(filter).sort({ sentAt: 1, _id: 1 }).limit(query.limit + 1);
    const page = docs.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toMessageDTO),
      nextCursor: docs.length > query.limit && last ? encodeCursor({ at: last.sentAt.toISOString(), id: last._id.toHexString() }) : null,
    };
  }
}
