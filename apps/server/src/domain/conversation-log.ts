import type { ConversationEventDTO, ConversationEventType } from '@switchboard/shared';
import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationEvent, ConversationEventDoc } from '../models/conversation-event.model.js';
import type { ConversationAudience, DomainEvents } from './domain-events.js';

type Change<T extends ConversationEventType> = {
  conversationId: Types.ObjectId;
  channelId: Types.ObjectId;
  type: T;
  dedupeKey: string;
  data: Extract<ConversationEventDTO, { type: T }>['data'];
};

/** The conversation as the caller just read or wrote it: where its log stood, and who sees it. */
export type KnownConversation = { seq: number; queueId?: Types.ObjectId | null; assigneeId?: Types.ObjectId | null };

/** An event as stored: what the model reads back, or what this process just inserted. */
type StoredEvent = ConversationEvent & { _id: Types.ObjectId };

const MAX_SEQ_PROBES = 1000;
/** How many conversations' last numbers a process remembers (a hint: the insert decides, so any may be stale). */
const REMEMBERED_SEQS = 10_000;

const eventId = (conversationId: Types.ObjectId, seq: number) => keyedId('event', `${conversationId.toHexString()}:${seq}`);

/**
 * Appends changes to a conversation's log with the next sequence number and announces them. The event's
 * insert decides everything, atomically on every MongoDB-wire database, and lookups go by _id only (the
 * embedded FerretDB answers nothing else without scanning):
 * - No gaps: a number is taken by inserting the event under an id made from it, so a number exists only
 *   with its event, and two writers can never take the same one.
 * - Once: a change is named (dedupeKey), unique within its conversation, so a repeat's insert is refused.
 *   Refused at a number that is free, the change is stored below it, where the log has moved past it: it
 *   was announced, or the next change shows clients the gap, and they fetch it. Refused at a number that
 *   holds this very change, it is announced if its first writer never finished (died after storing it).
 */
export class ConversationLog {
  /** The last number this process saw taken per conversation, so a caller's older `known` seq costs no probes. */
  private readonly lastSeqs = new Map<string, number>();

  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  /**
   * `known`: the conversation as the caller just read or wrote it, which saves reading it again. A seq that
   * has moved on since only costs a probe: numbers are taken by insert, never assumed free. Returns the
   * event, or null for a repeat of a change the log has moved past.
   */
  async append<T extends ConversationEventType>(change: Change<T>, known?: KnownConversation): Promise<ConversationEventDTO | null> {
    const conversation = known ?? (await this.models.Conversation.findById(change.conversationId, { seq: 1, queueId: 1, assigneeId: 1 }).orFail());
    const audience = {
      channelId: change.channelId.toHexString(),
      queueId: conversation.queueId?.toHexString() ?? null,
      assigneeId: conversation.assigneeId?.toHexString() ?? null,
    };
    const after = Math.max(conversation.seq, this.lastSeqs.get(change.conversationId.toHexString()) ?? 0);
    for (let seq = after + 1, probes = 0; probes < MAX_SEQ_PROBES; seq++, probes++) {
      const data: unknown = change.type === 'conversation:updated' ? { ...change.data, seq } : change.data;
      // Built complete here and inserted as is: the model's casting and validation would add only CPU.
      const event: StoredEvent = { _id: eventId(change.conversationId, seq), ...change, data, seq, at: new Date() };
      try {
        await this.models.ConversationEvent.collection.insertOne(event);
        return await this.announce(event, audience);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const taken = await this.models.ConversationEvent.findById(eventId(change.conversationId, seq));
        if (!taken) return null;
        if (taken.dedupeKey === change.dedupeKey) return this.repeated(taken, after, audience);
      }
    }
    throw new Error(`no free sequence number for conversation ${change.conversationId.toHexString()}`);
  }

  /** This change, found at its number: announced now only if its first writer never got that far. */
  private async repeated(stored: StoredEvent, knownSeq: number, audience: ConversationAudience): Promise<ConversationEventDTO> {
    const { seq } = knownSeq >= stored.seq ? { seq: knownSeq } : await this.models.Conversation.findById(stored.conversationId, { seq: 1 }).orFail();
    return seq >= stored.seq ? toEventDTO(stored) : this.announce(stored, audience);
  }

  /** Pushes the stored event, then moves the conversation's seq up to it (the next writer's first probe). */
  private async announce(stored: StoredEvent, audience: ConversationAudience): Promise<ConversationEventDTO> {
    const event = toEventDTO(stored);
    this.remember(event.conversationId, event.seq);
    this.events.emit('conversation.changed', event, audience);
    await this.models.Conversation.updateOne({ _id: stored.conversationId }, { $max: { seq: stored.seq } });
    return event;
  }

  private remember(conversationId: string, seq: number) {
    if ((this.lastSeqs.get(conversationId) ?? 0) >= seq) return;
    // Re-inserted so the map's order is by last use: the oldest entry goes first when it is full.
    this.lastSeqs.delete(conversationId);
    this.lastSeqs.set(conversationId, seq);
    if (this.lastSeqs.size > REMEMBERED_SEQS) this.lastSeqs.delete(this.lastSeqs.keys().next().value!);
  }

  /** The changes after `afterSeq`, read number by number: each is a lookup by id. */
  async since(conversationId: Types.ObjectId, afterSeq: number, limit: number): Promise<ConversationEventDTO[]> {
    const conversation = await this.models.Conversation.findById(conversationId, { seq: 1 }).orFail();
    const last = Math.min(conversation.seq, afterSeq + limit);
    const seqs = Array.from({ length: Math.max(0, last - afterSeq) }, (_, i) => afterSeq + 1 + i);
    const docs = await Promise.all(seqs.map((seq) => this.models.ConversationEvent.findById(eventId(conversationId, seq))));
    return docs.filter((d): d is ConversationEventDoc => d !== null).map(toEventDTO);
  }
}

function toEventDTO(doc: StoredEvent): ConversationEventDTO {
  return {
    id: doc._id.toHexString(),
    conversationId: doc.conversationId.toHexString(),
    seq: doc.seq,
    type: doc.type,
    at: doc.at.toISOString(),
    data: doc.data,
  } as ConversationEventDTO;
}
