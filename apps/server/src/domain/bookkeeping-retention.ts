import type { Models } from '../models/index.js';
import { keyedId } from '../lib/keyed-id.js';
import { WorkLeases } from '../lib/work-leases.js';

/**
 * How long dedupe marks are kept. Meta redelivers a webhook for up to 7 days, and a desktop may send a
 * reply it wrote offline days later: a mark kept longer than either still turns every repeat into nothing.
 */
export const BOOKKEEPING_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** One sweep per hour, by whichever process takes that hour's lease. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes the bookkeeping that only guards against repeats and abandoned work once it is too old to matter:
 * conversation change claims and done-marks (3 or so per change), and work leases. Without this they grow
 * with every message, forever. The conversation log and messages themselves are never touched.
 */
export class BookkeepingRetention {
  private readonly leases: WorkLeases;

  constructor(
    private readonly models: Models,
    owner: string,
  ) {
    this.leases = new WorkLeases(models, 'bookkeeping-sweep', owner);
  }

  /** Runs this hour's sweep unless another process has; returns what it deleted, or null when it was not its turn. */
  async sweep(now = new Date()): Promise<{ claims: number; leases: number } | null> {
    const hour = Math.floor(now.getTime() / SWEEP_EVERY_MS);
    if (!(await this.leases.take(keyedId('bookkeeping-sweep', String(hour)), 1))) return null;
    const cutoff = new Date(now.getTime() - BOOKKEEPING_RETENTION_MS);
    const claims = await this.models.ChangeClaim.deleteMany({ claimedAt: { $lt: cutoff } });
    const leases = await this.models.WorkLease.deleteMany({ takenAt: { $lt: cutoff } });
    return { claims: claims.deletedCount, leases: leases.deletedCount };
  }
}
