import type { Models } from '../models/index.js';
import { keyedId } from '../lib/keyed-id.js';
import { WorkLeases } from './work-leases.js';

/**
 * How long work leases are kept. A lease only matters while its work can still be running or retried (minutes);
 * a month is far past that, and past anything a support question about last week's processing could need.
 */
export const BOOKKEEPING_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** One sweep per hour, by whichever process takes that hour's lease. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;
/**
 * Presence not refreshed for this long belongs to a process that stopped or to sockets that closed: it stopped
 * counting after the presence TTL (seconds); an hour is far past that, and past any heartbeat of a live process.
 */
export const STALE_PRESENCE_MS = 60 * 60 * 1000;

/**
 * Deletes work leases (one per SLA check, routing turn, snooze wake-up...) once they are too old
 * to matter: without this they grow with every message, forever. What makes a repeat change nothing is kept
 * as long as the data it guards (the conversation log's dedupe keys, messages' ids). Also deletes stale
 * presence: each process start writes its own per user, so without this the presence every routing decision
 * reads would grow with every restart.
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
  async sweep(now = new Date()): Promise<{ leases: number; presence: number } | null> {
    const hour = Math.floor(now.getTime() / SWEEP_EVERY_MS);
    if (!(await this.leases.take(keyedId('bookkeeping-sweep', String(hour)), 1))) return null;
    const cutoff = new Date(now.getTime() - BOOKKEEPING_RETENTION_MS);
    const leases = await this.models.WorkLease.deleteMany({ takenAt: { $lt: cutoff } });
    const presence = await this.models.Presence.deleteMany({
      seenAt: { $lt: new Date(now.getTime() - STALE_PRESENCE_MS) },
    });
    return { leases: leases.deletedCount, presence: presence.deletedCount };
  }
}
