import type { ConversationEventDTO, ConversationEventType } from '@switchboard/shared';
import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
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

/**
 * An append takes milliseconds; a claim this old was left by a writer that died (or stalled this long). It is
 * also how long the retry of a dead process's work waits here before finishing that writer's change.
 */
export type KnownConversation = { seq: number; queueId?: Types.ObjectId | null; assigneeId?: Types.ObjectId | null };

const STALE_CLAIM_MS = 10_000;
const CLAIM_POLL_MS = 50;
const MAX_SEQ_PROBES = 1000;

const doneIdOf = (claimId: Types.ObjectId) => keyedId('change-done', claimId.toHexString());
const takeoverIdOf = (claimId: Types.ObjectId, claimedAt: Date) => keyedId('change-takeover', `${claimId.toHexString()}:${claimedAt.getTime()}`);
const eventId = (conversationId: Types.ObjectId, seq: number) => keyedId('event', `${conversationId.toHexString()}:${seq}`);

/**
 * Appends changes to a conversation's log with the next sequence number and announces them.
 * - No gaps: a number is taken by inserting the event under an id made from it, so a number exists only
 *   with its event, and two writers can never take the same one.
 * - Once: a change is named (dedupeKey); the first writer to claim the name appends it, a repeat appends
 *   nothing (it waits for the first to finish). A claim abandoned by a crash is taken over by one writer,
 *   which first looks for the event the dead writer may have stored, and announces it.
 * A push lost to a crash between storing and announcing still reaches clients: the next number shows them
 * the gap, and they fetch it.
 */
export class ConversationLog {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  /**
   * `known`: the conversation as the caller just read or wrote it, which saves reading it again. A seq that
   * has moved on since only costs a probe: numbers are taken by insert, never assumed free.
   */
  async append<T extends ConversationEventType>(change: Change<T>, known?: KnownConversation): Promise<ConversationEventDTO | null> {
    const claimId = keyedId('change', change.dedupeKey);
    // The claim and the read of where the log stands are independent: one wait for both.
    const [claimed, conversation] = await Promise.all([
      this.claim(claimId),
      known ?? this.models.Conversation.findById(change.conversationId, { seq: 1, queueId: 1, assigneeId: 1 }).orFail(),
    ]);
    if (typeof claimed === 'number') return this.eventAt(change.conversationId, claimed);

    const audience = {
      channelId: change.channelId.toHexString(),
      queueId: conversation.queueId?.toHexString() ?? null,
      assigneeId: conversation.assigneeId?.toHexString() ?? null,
    };
    if (claimed instanceof Date) {
      // Its writer died after storing it and before announcing it: announce it now.
      const stored = await this.storedSince(change.conversationId, change.dedupeKey, claimed);
      if (stored) {
        await this.settle(change.conversationId, claimId, stored.seq);
        const event = toEventDTO(stored);
        this.events.emit('conversation.changed', event, audience);
        return event;
      }
    }
    for (let seq = conversation.seq + 1, probes = 0; probes < MAX_SEQ_PROBES; seq++, probes++) {
      const data: unknown = change.type === 'conversation:updated' ? { ...change.data, seq } : change.data;
      try {
        const created = await this.models.ConversationEvent.create({ _id: eventId(change.conversationId, seq), ...change, data, seq, at: new Date() });
        await this.settle(change.conversationId, claimId, seq);
        const event = toEventDTO(created);
        this.events.emit('conversation.changed', event, audience);
        return event;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const taken = await this.models.ConversationEvent.findById(eventId(change.conversationId, seq));
        if (taken?.dedupeKey === change.dedupeKey) {
          // Stored by the writer whose claim this one took over, which died before announcing it.
          await this.settle(change.conversationId, claimId, seq);
          const event = toEventDTO(taken);
          this.events.emit('conversation.changed', event, audience);
          return event;
        }
      }
    }
    throw new Error(`no free sequence number for conversation ${change.conversationId.toHexString()}`);
  }

  /**
   * 'mine' when this writer must append; the seq when the change is in the log; the abandoned claim's time
   * when this writer took it over. While another writer holds the claim, waits for it to finish or go stale:
   * returning at once would let a caller retrying a dead process's work finish without the change.
   */
  private async claim(claimId: Types.ObjectId): Promise<'mine' | number | Date> {
    const { ChangeClaim } = this.models;
    try {
      await ChangeClaim.create({ _id: claimId, claimedAt: new Date() });
      return 'mine';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    for (;;) {
      const done = await ChangeClaim.findById(doneIdOf(claimId));
      if (done?.seq !== null && done?.seq !== undefined) return done.seq;
      const existing = await ChangeClaim.findById(claimId).orFail();
      if (Date.now() - existing.claimedAt.getTime() >= STALE_CLAIM_MS && (await this.takeOver(claimId, existing.claimedAt))) return existing.claimedAt;
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
    }
  }

  /** One writer takes over an abandoned claim: an insert named after it decides who. */
  private async takeOver(claimId: Types.ObjectId, claimedAt: Date): Promise<boolean> {
    try {
      await this.models.ChangeClaim.create({ _id: takeoverIdOf(claimId, claimedAt), claimedAt: new Date() });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await this.models.ChangeClaim.updateOne({ _id: claimId }, { $set: { claimedAt: new Date() } });
    return true;
  }

  /**
   * The event a dead writer stored for this change but never marked done. Every number up to the
   * conversation's seq is taken, so it can only be among the newest events: read back, by id, to the claim.
   */
  private async storedSince(conversationId: Types.ObjectId, dedupeKey: string, claimedAt: Date): Promise<ConversationEventDoc | null> {
    const conversation = await this.models.Conversation.findById(conversationId, { seq: 1 }).orFail();
    for (let seq = conversation.seq; seq > 0; seq--) {
      const event = await this.models.ConversationEvent.findById(eventId(conversationId, seq));
      if (!event || event.at < claimedAt) return null;
      if (event.dedupeKey === dedupeKey) return event;
    }
    return null;
  }

  /** Records where the change landed with an insert, not an update: inserts stay cheap as the log grows. */
  private async settle(conversationId: Types.ObjectId, claimId: Types.ObjectId, seq: number) {
    const markDone = async () => {
      try {
        await this.models.ChangeClaim.create({ _id: doneIdOf(claimId), seq, claimedAt: new Date() });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    };
    // Independent writes (the event is stored already; each only points at it): sent together.
    await Promise.all([this.models.Conversation.updateOne({ _id: conversationId }, { $max: { seq } }), markDone()]);
  }

  private async eventAt(conversationId: Types.ObjectId, seq: number): Promise<ConversationEventDTO | null> {
    const doc = await this.models.ConversationEvent.findById(eventId(conversationId, seq));
    return doc ? toEventDTO(doc) : null;
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
