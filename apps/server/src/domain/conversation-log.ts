import type { ConversationEventDTO, ConversationEventType } from '@switchboard/shared';
import type { Types } from 'mongoose';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationEventDoc } from '../models/conversation-event.model.js';
import type { DomainEvents } from './domain-events.js';

type Change<T extends ConversationEventType> = {
  conversationId: Types.ObjectId;
  channelId: Types.ObjectId;
  type: T;
  dedupeKey: string;
  data: Extract<ConversationEventDTO, { type: T }>['data'];
};

const MAX_SEQ_RACES = 50;

/**
 * Appends changes to a conversation's log with the next sequence number and announces them.
 * A number exists only once its event is stored (unique conversationId+seq), so the log never has gaps,
 * and a change named by an existing dedupeKey is neither appended nor announced twice. A push lost to a
 * crash between storing and announcing is not lost to clients: the next number shows them the gap.
 */
export class ConversationLog {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  async append<T extends ConversationEventType>(change: Change<T>): Promise<ConversationEventDTO> {
    const { ConversationEvent, Conversation } = this.models;
    for (let race = 0; race < MAX_SEQ_RACES; race++) {
      const existing = await ConversationEvent.findOne({ dedupeKey: change.dedupeKey });
      if (existing) return toEventDTO(existing);
      const last = await ConversationEvent.findOne({ conversationId: change.conversationId }, { seq: 1 }).sort({ seq: -1 });
      const seq = (last?.seq ?? 0) + 1;
      const data: unknown = change.type === 'conversation:updated' ? { ...change.data, seq } : change.data;
      try {
        const created = await ConversationEvent.create({ ...change, data, seq, at: new Date() });
        await Conversation.updateOne({ _id: change.conversationId, seq: { $lt: seq } }, { $set: { seq } });
        return this.announce(created);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`could not append to conversation ${change.conversationId.toHexString()}: too many concurrent writers`);
  }

  async since(conversationId: Types.ObjectId, afterSeq: number, limit: number): Promise<ConversationEventDTO[]> {
    const docs = await this.models.ConversationEvent.find({ conversationId, seq: { $gt: afterSeq } })
      .sort({ seq: 1 })
      .limit(limit);
    return docs.map(toEventDTO);
  }

  private announce(doc: ConversationEventDoc): ConversationEventDTO {
    const event = toEventDTO(doc);
    this.events.emit('conversation.changed', event, doc.channelId.toHexString());
    return event;
  }
}

function toEventDTO(doc: ConversationEventDoc): ConversationEventDTO {
  return {
    id: doc._id.toHexString(),
    conversationId: doc.conversationId.toHexString(),
    seq: doc.seq,
    type: doc.type,
    at: doc.at.toISOString(),
    data: doc.data,
  } as ConversationEventDTO;
}
