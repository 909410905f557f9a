import { retryOnDuplicateKey, type Models } from '../models/index.js';
import type { DayDoc } from './day-doc.js';
import { dayDocId } from './report-time.js';

/**
 * A day's version, in a small document of its own beside the day (`v:<day>`): every write to the day counts
 * itself started (`s`) before and finished (`f`) after, so a reader can ask cheaply whether a day changed, and
 * whether a write to it is under way (or died halfway): then `s` is ahead of `f` and the day is read afresh.
 */
const versionId = (day: string) => `v:${day}`;
type VersionDoc = { _id: string; s?: number; f?: number };
type Entry = { version: number; doc: DayDoc | null };

/** Days kept decoded; a quarter's report fits, whatever its filters. */
const CACHED_DAYS = 120;

/** Runs a write to a day's document between the marks that tell readers the day changed. */
export async function writingDay<T>(models: Models, day: string, write: () => Promise<T>): Promise<T> {
  await mark(models, day, 's');
  try {
    return await write();
  } finally {
    // Also after a failure: a write whose answer was lost may still have changed the day. A mark that cannot
    // be written leaves the day marked as being written: read afresh by every report, never stale, and the
    // caller's write is not reported as failed (its counts would be written twice).
    await mark(models, day, 'f').catch(() => undefined);
  }
}

function mark(models: Models, day: string, field: 's' | 'f') {
  return retryOnDuplicateKey(() =>
    models.ReportDay.collection.updateOne({ _id: versionId(day) } as never, { $inc: { [field]: 1 } }, { upsert: true }),
  );
}

/**
 * The report_days documents, read once and kept while they stay the same. A day document holds every count
 * of its day and is large (on the embedded database each costs tens of milliseconds to read and decode), yet a
 * past day seldom changes, so a report re-reads only the days whose version moved since it last read them,
 * and those being written. The versions are read with one `_id` list lookup (an index lookup on MongoDB and
 * on the embedded database). A day is kept under the version read before its content, so content is never
 * older than its version says; a write landing in between only makes the next read fetch it again.
 */
export class ReportDays {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly models: Models) {}

  async read(days: readonly string[]): Promise<(DayDoc | null)[]> {
    const versions = await this.settledVersionsOf(days);
    const entries = new Map<string, Entry>();
    for (const day of days) {
      const cached = this.cache.get(day);
      if (cached && versions.get(day) === cached.version) entries.set(day, cached);
    }
    const stale = days.filter((day) => !entries.has(day));
    if (stale.length > 0) {
      const docs = (await this.models.ReportDay.collection
        .find({ _id: { $in: stale.map(dayDocId) } } as never)
        .toArray()) as unknown as (DayDoc & { _id: string })[];
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      for (const day of stale)
        entries.set(day, { version: versions.get(day) ?? -1, doc: byId.get(dayDocId(day)) ?? null });
    }
    for (const [day, entry] of entries) if (entry.version >= 0) this.remember(day, entry);
    return days.map((day) => entries.get(day)!.doc);
  }

  /** Each day's version, or none for a day being written (its content may be about to change). */
  private async settledVersionsOf(days: readonly string[]): Promise<Map<string, number>> {
    const docs = (await this.models.ReportDay.collection
      .find({ _id: { $in: days.map(versionId) } } as never)
      .toArray()) as unknown as VersionDoc[];
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    const versions = new Map<string, number>();
    for (const day of days) {
      const { s = 0, f = 0 } = byId.get(versionId(day)) ?? {};
      if (s === f) versions.set(day, f);
    }
    return versions;
  }

  /** Keeps a day as the newest entry; past CACHED_DAYS the least recently used day goes. */
  private remember(day: string, entry: Entry): void {
    this.cache.delete(day);
    this.cache.set(day, entry);
    if (this.cache.size > CACHED_DAYS) this.cache.delete(this.cache.keys().next().value!);
  }
}
