import { Types } from 'mongoose';
import { isDuplicateKeyError, type Models } from '../models/index.js';

/** What the reports remember of a conversation between its changes (see report-facts.model.ts). */
export type Facts = {
  seq: number;
  status: 'open' | 'resolved';
  openedAt: Date;
  established: boolean;
  pendingIn: Date[];
  channelId: string | null;
  queueId: string | null;
  assigneeId: string | null;
  intent: string | null;
  language: string | null;
  assignedAt: Date | null;
  responded: boolean;
  resolvedBy: string | null;
};

/** Where facts are kept: the database for the live server; memory for a replay that owns all of them. */
export interface FactsStore {
  load(conversationId: string): Promise<Facts | null>;
  /** Compare-and-set: false when another writer changed them since `basedOn` (null: they did not exist). */
  save(conversationId: string, next: Facts, basedOn: Facts | null): Promise<boolean>;
}

export class DatabaseFactsStore implements FactsStore {
  constructor(private readonly models: Models) {}

  async load(conversationId: string): Promise<Facts | null> {
    // Hot path: by _id.
    const doc = await this.models.ReportFacts.collection.findOne({ _id: new Types.ObjectId(conversationId) });
    if (!doc) return null;
    const { _id: _ignored, ...facts } = doc;
    return facts as unknown as Facts;
  }

  async save(conversationId: string, next: Facts, basedOn: Facts | null): Promise<boolean> {
    const _id = new Types.ObjectId(conversationId);
    const collection = this.models.ReportFacts.collection;
    if (!basedOn) {
      try {
        await collection.insertOne({ _id, ...next });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    // Hot path: by _id.
    const result = await collection.updateOne({ _id, seq: basedOn.seq }, { $set: next });
    return result.matchedCount === 1;
  }
}

export class MemoryFactsStore implements FactsStore {
  private readonly facts = new Map<string, Facts>();
  async load(conversationId: string): Promise<Facts | null> {
    return this.facts.get(conversationId) ?? null;
  }
  async save(conversationId: string, next: Facts): Promise<boolean> {
    this.facts.set(conversationId, next);
    return true;
  }
}

const REMEMBERED = 10_000;

/**
 * Facts as this process last saw them, trusted only while it has seen every change of the conversation: the
 * log numbers changes one by one, so a change numbered right after the last one seen here proves no other
 * process changed the conversation in between. Otherwise the facts are read again.
 */
export class FactsCache {
  private readonly seen = new Map<string, { seq: number; facts: Facts | null }>();

  constructor(readonly store: FactsStore) {}

  async current(conversationId: string, seq: number): Promise<Facts | null> {
    const known = this.seen.get(conversationId);
    if (known && known.seq === seq - 1) return known.facts;
    return this.store.load(conversationId);
  }

  remember(conversationId: string, seq: number, facts: Facts | null): void {
    this.seen.delete(conversationId);
    this.seen.set(conversationId, { seq, facts });
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
  }
}
