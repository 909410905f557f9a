import type { Types } from 'mongoose';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { keyedId } from '../lib/keyed-id.js';

const leaseIdOf = (kind: string, itemId: Types.ObjectId, attempt: number) =>
  keyedId(`${kind}-lease`, `${itemId.toHexString()}:${attempt}`);

/**
 * Attempt-numbered leases on background work, taken by inserting a document only one writer can insert
 * (see work-lease.model.ts): whoever takes attempt N of an item does it; the others move on.
 */
export class WorkLeases {
  constructor(
    private readonly models: Models,
    private readonly kind: string,
    private readonly owner: string,
  ) {}

  /** `staleAfterMs`: a lease older than this was abandoned (its holder died) and may be taken over. */
  async take(itemId: Types.ObjectId, attempt: number, staleAfterMs?: number): Promise<boolean> {
    const _id = leaseIdOf(this.kind, itemId, attempt);
    try {
      // A plain insert: a lease is three fields, and the model's casting would cost more than the write.
      await this.models.WorkLease.collection.insertOne({ _id, owner: this.owner, takenAt: new Date() });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    if (staleAfterMs === undefined) return false;
    // Hot path: by _id.
    const held = await this.models.WorkLease.findById(_id);
    if (!held || Date.now() - held.takenAt.getTime() < staleAfterMs) return false;
    // Hot path: by _id.
    await this.models.WorkLease.deleteOne({ _id });
    return this.take(itemId, attempt);
  }

  /** Gives one attempt back, so another worker may take it (the work was not done after all). */
  async drop(itemId: Types.ObjectId, attempt: number): Promise<void> {
    // Hot path: by _id.
    await this.models.WorkLease.deleteOne({ _id: leaseIdOf(this.kind, itemId, attempt) });
  }

  /** Forgets an item's leases once it is finished for good. */
  async release(itemId: Types.ObjectId, attempts: number): Promise<void> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      // Hot path: by _id.
      await this.models.WorkLease.deleteOne({ _id: leaseIdOf(this.kind, itemId, attempt) });
    }
  }
}
