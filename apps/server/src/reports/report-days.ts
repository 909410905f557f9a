import { mongo } from 'mongoose';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { DayDoc } from './day-doc.js';
import { dayDocId } from './report-time.js';

/**
 * A day's version, in a small document of its own beside the day (`v:<day>`): every write to the day counts
 * itself started (`s`) before and finished (`f`) after, so a reader can ask cheaply whether a day changed, and
 * whether a write to it is under way (or died halfway): then `s` is ahead of `f` and the day is read afresh.
 */
const versionId = (day: string) => `v:${day}`;
type VersionDoc = { _id: string; s?: number; f?: number };

/**
 * A finished day's seal (`z:<day>`): the day document at version `v`, as one BSON binary. The embedded
 * database decodes a stored document field by field, and a day holds thousands of fields (tens of
 * milliseconds each); one binary field costs it next to nothing, and the server decodes the BSON itself.
 * A seal whose `v` is not the day's version is ignored: the day changed since, and is read as it is.
 */
const sealId = (day: string) => `z:${day}`;
type SealDoc = { v: number; doc: mongo.Binary };

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
  // Hot path: by _id (`v:<day>`: an index lookup on both databases).
  return retryOnDuplicateKey(() =>
    models.ReportDay.collection.updateOne({ _id: versionId(day) } as never, { $inc: { [field]: 1 } }, { upsert: true }),
  );
}

/** Each day's version, or none for a day being written (its content may be about to change). */
export async function settledVersionsOf(models: Models, days: readonly string[]): Promise<Map<string, number>> {
  const docs = await byDay<VersionDoc>(models, days, versionId);
  const versions = new Map<string, number>();
  for (const day of days) {
    const { s = 0, f = 0 } = docs.get(day) ?? {};
    if (s === f) versions.set(day, f);
  }
  return versions;
}

/** The versions the days' seals hold (a day without a seal is absent). */
export async function sealedVersionsOf(models: Models, days: readonly string[]): Promise<Map<string, number>> {
  const seals = await byDay<Pick<SealDoc, 'v'>>(models, days, sealId, { v: 1 });
  return new Map([...seals].map(([day, seal]) => [day, seal.v]));
}

/** The day documents as stored (a day nothing was counted on is absent). */
export const dayDocsOf = (models: Models, days: readonly string[]) => byDay<DayDoc>(models, days, dayDocId);

/**
 * Seals a day's document as read at `version` (read before the document, so the content is at least that
 * new). A seal of a newer version already there is kept: two sealers never put an older day back.
 */
export async function seal(models: Models, day: string, version: number, doc: DayDoc): Promise<void> {
  const binary = new mongo.Binary(mongo.BSON.serialize(doc));
  try {
    await models.ReportDay.collection.updateOne(
      { _id: sealId(day), v: { $lt: version } } as never,
      { $set: { v: version, doc: binary } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * The documents of `days` under the ids `idOf` gives them, by day (a day without one is absent): one `_id` list
 * lookup, an index lookup on MongoDB and on the embedded database.
 */
async function byDay<T>(
  models: Models,
  days: readonly string[],
  idOf: (day: string) => string,
  projection?: Record<string, 1>,
): Promise<Map<string, T>> {
  const dayOf = new Map(days.map((day) => [idOf(day), day]));
  const docs = (await models.ReportDay.collection
    .find({ _id: { $in: [...dayOf.keys()] } } as never, projection ? { projection } : {})
    .toArray()) as unknown as (T & { _id: string })[];
  return new Map(docs.map((doc) => [dayOf.get(doc._id)!, doc]));
}

/**
 * The report_days documents, read once and kept while they stay the same. A day document holds every count
 * of its day and is large, yet a past day seldom changes, so a report re-reads only the days whose version
 * moved since it last read them, and those being written. A day it has not read yet comes from its seal when
 * the seal is of the day's version (see ReportDaySealer), else from the day document. A day is kept under the
 * version read before its content, so content is never older than its version says; a write landing in
 * between only makes the next read fetch it again.
 */
export class ReportDays {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly models: Models) {}

  async read(days: readonly string[]): Promise<(DayDoc | null)[]> {
    const versions = await settledVersionsOf(this.models, days);
    const entries = new Map<string, Entry>();
    for (const day of days) {
      const cached = this.cache.get(day);
      if (cached && versions.get(day) === cached.version) entries.set(day, cached);
    }
    const sealable = days.filter((day) => !entries.has(day) && versions.has(day));
    if (sealable.length > 0) {
      const seals = await byDay<SealDoc>(this.models, sealable, sealId);
      for (const day of sealable) {
        const found = seals.get(day);
        if (found && found.v === versions.get(day))
          entries.set(day, { version: found.v, doc: mongo.BSON.deserialize(found.doc.buffer) as DayDoc });
      }
    }
    const unsealed = days.filter((day) => !entries.has(day));
    if (unsealed.length > 0) {
      const docs = await dayDocsOf(this.models, unsealed);
      for (const day of unsealed) entries.set(day, { version: versions.get(day) ?? -1, doc: docs.get(day) ?? null });
    }
    for (const [day, entry] of entries) if (entry.version >= 0) this.remember(day, entry);
    return days.map((day) => entries.get(day)!.doc);
  }

  /** Keeps a day as the newest entry; past CACHED_DAYS the least recently used day goes. */
  private remember(day: string, entry: Entry): void {
    this.cache.delete(day);
    this.cache.set(day, entry);
    if (this.cache.size > CACHED_DAYS) this.cache.delete(this.cache.keys().next().value!);
  }
}
