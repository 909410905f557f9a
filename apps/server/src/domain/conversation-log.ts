import type { ConversationEventDTO, ConversationEventType } from '@switchboard/shared';
import type { mongo, Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationEvent, ConversationEventDoc } from '../models/conversation-event.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { ConversationAudience, DomainEvents } from './domain-events.js';

type ChangeOf<T extends ConversationEventType> = {
  conversationId: Types.ObjectId;
  channelId: Types.ObjectId;
  type: T;
  dedupeKey: string;
  data: Extract<ConversationEventDTO, { type: T }>['data'];
};

/** A change to append: its type and the data that type carries. */
export type Change = { [T in ConversationEventType]: ChangeOf<T> }[ConversationEventType];

/** The conversation as the caller just read or wrote it: where its log stood, and who sees it. */
export type KnownConversation = { seq: number; queueId?: Types.ObjectId | null; assigneeId?: Types.ObjectId | null };

/** An event as stored: what the model reads back, or what this process just inserted. */
type StoredEvent = ConversationEvent & { _id: Types.ObjectId };

/**
 * What an append did: the events (null for a repeat the log has moved past), and the conversation as stored
 * when its seq moved past them (null when nothing was announced), read by the write that moves the seq.
 */
export type Appended = { events: (ConversationEventDTO | null)[]; stored: ConversationDoc | null };

const MAX_SEQ_PROBES = 1000;
/** How many conversations' last numbers a process remembers (a hint: the insert decides, so any may be stale). */
const REMEMBERED_SEQS = 10_000;

const eventId = (conversationId: Types.ObjectId, seq: number) =>
  keyedId('event', `${conversationId.toHexString()}:${seq}`);

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
  async append(change: Change, known?: KnownConversation): Promise<ConversationEventDTO | null> {
    const [event] = await this.appendAll([change], known);
    return event ?? null;
  }

  /**
   * Several changes to one conversation, in this order, at consecutive numbers: one insert and one seq move
   * for all of them when the numbers are free and none is a repeat (the usual case: a message and the
   * conversation it updated). From the first refused one on, each goes on its own, as `append` does.
   */
  async appendAll(changes: Change[], known?: KnownConversation): Promise<(ConversationEventDTO | null)[]> {
    return (await this.appendReading(changes, known)).events;
  }

  /** `appendAll`, also answering the conversation as stored once the events are in (see `Appended`). */
  async appendReading(changes: Change[], known?: KnownConversation): Promise<Appended> {
    const first = changes[0];
    if (!first) return { events: [], stored: null };
    // Hot path: by _id.
    const conversation =
      known ??
      (await this.models.Conversation.findById(first.conversationId, { seq: 1, queueId: 1, assigneeId: 1 }).orFail());
    const audience = audienceOf(first.channelId, conversation);
    const after = Math.max(conversation.seq, this.lastSeqs.get(first.conversationId.toHexString()) ?? 0);
    const events = changes.map((change, i) => eventAt(change, after + 1 + i));
    const inserted = await this.insertInOrder(events);
    const appended: Appended = { events: [], stored: null };
    if (inserted > 0) appended.events.push(...(await this.announce(events.slice(0, inserted), audience, appended)));
    for (const change of changes.slice(inserted))
      appended.events.push(await this.appendAfter(change, after + inserted, audience, appended));
    return appended;
  }

  /** How many of the events went in: all of them, or those before the first whose number or change was taken. */
  private async insertInOrder(events: StoredEvent[]): Promise<number> {
    // Built complete and inserted as they are: the model's casting and validation would add only CPU.
    const collection = this.models.ConversationEvent.collection;
    try {
      if (events.length === 1) await collection.insertOne(events[0]!);
      else await collection.insertMany(events, { ordered: true });
      return events.length;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return firstRefused(error) ?? 0;
    }
  }

  /** One change at the first free number after `after`, probing past numbers other changes hold. */
  private async appendAfter(
    change: Change,
    after: number,
    audience: ConversationAudience,
    appended: Appended,
  ): Promise<ConversationEventDTO | null> {
    for (let seq = after + 1, probes = 0; probes < MAX_SEQ_PROBES; seq++, probes++) {
      const event = eventAt(change, seq);
      if ((await this.insertInOrder([event])) === 1) return (await this.announce([event], audience, appended))[0]!;
      // Hot path: by _id.
      const taken = await this.models.ConversationEvent.findById(event._id);
      if (!taken) return null;
      if (taken.dedupeKey === change.dedupeKey) return this.repeated(taken, after, audience, appended);
    }
    throw new Error(`no free sequence number for conversation ${change.conversationId.toHexString()}`);
  }

  /** This change, found at its number: announced now only if its first writer never got that far. */
  private async repeated(
    stored: StoredEvent,
    knownSeq: number,
    audience: ConversationAudience,
    appended: Appended,
  ): Promise<ConversationEventDTO> {
    // Hot path: by _id.
    const { seq } =
      knownSeq >= stored.seq
        ? { seq: knownSeq }
        : await this.models.Conversation.findById(stored.conversationId, { seq: 1 }).orFail();
    return seq >= stored.seq ? toEventDTO(stored) : (await this.announce([stored], audience, appended))[0]!;
  }

  /**
   * Pushes the stored events in order, then moves the conversation's seq up to the last (the next writer's first
   * probe), keeping the conversation as that write returns it in `appended.stored`.
   */
  private async announce(
    stored: StoredEvent[],
    audience: ConversationAudience,
    appended: Appended,
  ): Promise<ConversationEventDTO[]> {
    const events = stored.map(toEventDTO);
    const last = stored.at(-1)!;
    this.remember(last.conversationId.toHexString(), last.seq);
    for (const event of events) this.events.announceChange(event, audience);
    // Hot path: by _id.
    appended.stored = await this.models.Conversation.findOneAndUpdate(
      { _id: last.conversationId },
      { $max: { seq: last.seq } },
      { new: true },
    );
    return events;
  }

  private remember(conversationId: string, seq: number) {
    if ((this.lastSeqs.get(conversationId) ?? 0) >= seq) return;
    // Re-inserted so the map's order is by last use: the oldest entry goes first when it is full.
    this.lastSeqs.delete(conversationId);
    this.lastSeqs.set(conversationId, seq);
    if (this.lastSeqs.size > REMEMBERED_SEQS) this.lastSeqs.delete(this.lastSeqs.keys().next().value!);
  }

  /**
   * Announces again the changes logged in [from, until): a unit of work that died between storing its
   * changes and announcing them (see `DomainEvents.gather`) left them stored, with the seq moved past them,
   * but never pushed. Walks back from the conversation's seq by id (no scan), stopping at the first change
   * older than `from`. At least once: a client that got one already drops it by its seq.
   */
  async announceAgain(conversationId: Types.ObjectId, from: Date, until: Date): Promise<void> {
    // Hot path, after a taken-over webhook: by _id, as each event below (an index lookup on both databases).
    const conversation = await this.models.Conversation.findById(conversationId, {
      seq: 1,
      channelId: 1,
      queueId: 1,
      assigneeId: 1,
    });
    if (!conversation) return;
    const missed: ConversationEventDoc[] = [];
    for (let seq = conversation.seq; seq > 0 && conversation.seq - seq < MAX_SEQ_PROBES; seq--) {
      // Hot path: by _id.
      const event = await this.models.ConversationEvent.findById(eventId(conversationId, seq));
      if (!event || event.at < from) break;
      if (event.at < until) missed.unshift(event);
    }
    const audience = audienceOf(conversation.channelId, conversation);
    for (const event of missed) this.events.announceChange(toEventDTO(event), audience);
  }

  /** The changes after `afterSeq`, read number by number: each is a lookup by id. */
  async since(conversationId: Types.ObjectId, afterSeq: number, limit: number): Promise<ConversationEventDTO[]> {
    const conversation = await this.models.Conversation.findById(conversationId, { seq: 1 }).orFail();
    const last = Math.min(conversation.seq, afterSeq + limit);
    const seqs = Array.from({ length: Math.max(0, last - afterSeq) }, (_, i) => afterSeq + 1 + i);
    const docs = await Promise.all(
      seqs.map((seq) => this.models.ConversationEvent.findById(eventId(conversationId, seq))),
    );
    return docs.filter((d): d is ConversationEventDoc => d !== null).map(toEventDTO);
  }
}

/** Who sees the conversation's changes now: its channel, the queue it waits in, its assignee. */
function audienceOf(channelId: Types.ObjectId, conversation: KnownConversation): ConversationAudience {
  return {
    channelId: channelId.toHexString(),
    queueId: conversation.queueId?.toHexString() ?? null,
    assigneeId: conversation.assigneeId?.toHexString() ?? null,
  };
}

function eventAt(change: Change, seq: number): StoredEvent {
  const data: unknown = change.type === 'conversation:updated' ? { ...change.data, seq } : change.data;
  return { _id: eventId(change.conversationId, seq), ...change, data, seq, at: new Date() };
}

/** In an ordered insert refused part-way, the index of the refused event: those before it went in. */
function firstRefused(error: unknown): number | null {
  const writeErrors = (error as Partial<mongo.MongoBulkWriteError>).writeErrors;
  const errors = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  const indexes = errors.map((e) => e.index).filter((i): i is number => typeof i === 'number');
  return indexes.length > 0 ? Math.min(...indexes) : null;
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
