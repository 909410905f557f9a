import type { BusinessHours } from './business-hours.schema.js';
import { openWindows } from './open-windows.js';

export { BusinessHours, BusinessHoursError, parseBusinessHours } from './business-hours.schema.js';

const MS_PER_MINUTE = 60_000;

/**
 * The deadline `minutes` of open time after `start`. Without hours the team is open 24/7. Time left over
 * at closing carries to the next opening; a deadline landing exactly on closing time stays there.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours?: BusinessHours): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a finite number of at least 0 (got ${minutes})`);
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  if (!hours) return new Date(start.getTime() + remaining);
  const windows = openWindows(start, hours);
  for (;;) {
    const { start: opens, end: closes } = windows.next().value;
    if (remaining <= closes - opens) return new Date(opens + remaining);
    remaining -= closes - opens;
  }
}

/** Open minutes (fractional) from `from` to `to`; negative when `to` comes first, like a subtraction. */
export function businessMinutesBetween(from: Date, to: Date, hours?: BusinessHours): number {
  if (to < from) return -businessMinutesBetween(to, from, hours);
  if (!hours) return (to.getTime() - from.getTime()) / MS_PER_MINUTE;
  let total = 0;
  const windows = openWindows(from, hours);
  for (;;) {
    const { start: opens, end: closes } = windows.next().value;
    if (opens >= to.getTime()) return total / MS_PER_MINUTE;
    total += Math.min(closes, to.getTime()) - opens;
  }
}

export function isOpen(at: Date, hours?: BusinessHours): boolean {
  return closedUntil(at, hours) === null;
}

/**
 * When the closed period around `at` ends (the next opening), or null when open at `at`. The opening names the
 * closed period: two moments with the same opening are in the same one.
 */
export function closedUntil(at: Date, hours?: BusinessHours): Date | null {
  if (!hours) return null;
  // The first window is cut to begin at `at`, so it starts there exactly when `at` is inside one.
  const opens = openWindows(at, hours).next().value.start;
  return opens === at.getTime() ? null : new Date(opens);
}
