import { MAX_REPORT_DAYS } from '@switchboard/shared';
import { DateTime } from 'luxon';
import type { Logger } from '../lib/logger.js';
import { PollingLoop } from '../lib/polling-loop.js';
import type { Models } from '../models/index.js';
import { dayDocsOf, seal, sealedVersionsOf, settledVersionsOf } from './report-days.js';
import { dayAndHour } from './report-time.js';

/** A finished day is sealed within this long (and at start); a check when all is sealed is two small reads. */
const SEAL_EVERY_MS = 10 * 60_000;
/** Day documents read at once while sealing. */
const CHUNK = 10;

/**
 * Seals the finished days (before today, in the reports' zone) that a report may cover, so that the first
 * report of a range reads one binary per day instead of decoding each day's thousands of fields (see
 * report-days.ts). A day changed after its seal (a late count) is sealed again at the next pass; until then
 * reports read it as it is. Any process may seal: a seal is written only over an older one.
 */
export class ReportDaySealer {
  private readonly loop: PollingLoop;

  constructor(
    private readonly models: Models,
    private readonly zone: string,
    logger: Logger,
  ) {
    this.loop = new PollingLoop({
      concurrency: 1,
      pollMs: SEAL_EVERY_MS,
      step: async () => (await this.sealFinishedDays(), false),
      logger,
      name: 'report-day-sealer',
    });
  }

  start = () => this.loop.start();
  stop = () => this.loop.stop();

  /** Seals every finished day of the last MAX_REPORT_DAYS whose seal is missing or older; returns how many. */
  async sealFinishedDays(now = new Date()): Promise<number> {
    const today = DateTime.fromISO(dayAndHour(now, this.zone).day, { zone: 'UTC' });
    const days = Array.from({ length: MAX_REPORT_DAYS }, (_, i) => today.minus({ days: i + 1 }).toISODate()!);
    const [versions, sealed] = await Promise.all([
      settledVersionsOf(this.models, days),
      sealedVersionsOf(this.models, days),
    ]);
    // Version 0 is a day no write has marked: nothing counted on it (or only before days had versions).
    const due = days.filter((day) => (versions.get(day) ?? 0) > 0 && sealed.get(day) !== versions.get(day));
    let count = 0;
    for (let i = 0; i < due.length; i += CHUNK) {
      const chunk = due.slice(i, i + CHUNK);
      const docs = await dayDocsOf(this.models, chunk);
      for (const [day, doc] of docs) {
        await seal(this.models, day, versions.get(day)!, doc);
        count += 1;
      }
    }
    return count;
  }
}
