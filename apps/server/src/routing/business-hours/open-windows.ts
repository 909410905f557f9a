import { DateTime } from 'luxon';
import { WEEKDAYS, minuteOfDay, type BusinessHours } from './business-hours.schema.js';

/** A stretch of open time, [start, end) in epoch milliseconds. */
export interface OpenWindow {
  start: number;
  end: number;
}

/**
 * Every open window from `from` on, in order, the first cut to begin at `from`. Endless: callers stop
 * when they have what they need. A checked schedule has open time every week, so they always do.
 */
export function* openWindows(from: Date, hours: BusinessHours): Generator<OpenWindow, never> {
  const week = WEEKDAYS.map((d) =>
    hours.weekly[d]
      .map((i) => ({ start: minuteOfDay(i.start), end: minuteOfDay(i.end) }))
      .sort((a, b) => a.start - b.start),
  );
  const holidays = new Set(hours.holidays);
  const local = DateTime.fromJSDate(from, { zone: hours.timezone });
  // Calendar days are walked as UTC dates: adding a day there never meets a DST shift.
  let day = DateTime.utc(local.year, local.month, local.day);
  let cursor = from.getTime();
  for (;;) {
    if (!holidays.has(day.toISODate() ?? '')) {
      for (const interval of week[day.weekday - 1] ?? []) {
        // Clamping to the cursor keeps windows disjoint even where DST folds or skips local times.
        const start = Math.max(instantAt(day, interval.start, hours.timezone), cursor);
        const end = instantAt(day, interval.end, hours.timezone);
        if (end <= start) continue;
        yield { start, end };
        cursor = end;
      }
    }
    day = day.plus({ days: 1 });
  }
}

/** The instant the zone's wall clock shows `minutes` past midnight of `day`; 1440 is the next midnight. */
function instantAt(day: DateTime, minutes: number, zone: string): number {
  const wall = day.plus({ minutes });
  // A wall time skipped by DST is moved forward by Luxon, so a shift opening then opens when the clock resumes.
  return DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { zone },
  ).toMillis();
}
