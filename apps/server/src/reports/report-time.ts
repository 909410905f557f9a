import { DateTime } from 'luxon';

/** A moment's day and hour in the reports' zone: `2026-12-01`, `09`. */
export function dayAndHour(at: Date, zone: string): { day: string; hour: string } {
  const local = DateTime.fromJSDate(at, { zone });
  return { day: local.toISODate()!, hour: local.toFormat('HH') };
}

export const dayDocId = (day: string) => `d:${day}`;

/** Every day from `from` to `to`, both included (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    days.push(d.toISODate()!);
  }
  return days;
}

/** Cuts [start, end) at the zone's hour boundaries: time online lands in the hours (and days) it was spent in. */
export function splitByHour(start: Date, end: Date, zone: string): { at: Date; seconds: number }[] {
  const pieces: { at: Date; seconds: number }[] = [];
  let from = DateTime.fromJSDate(start, { zone });
  const until = DateTime.fromJSDate(end, { zone });
  while (from < until) {
    const next = DateTime.min(from.startOf('hour').plus({ hours: 1 }), until);
    pieces.push({ at: from.toJSDate(), seconds: next.diff(from).as('seconds') });
    from = next;
  }
  return pieces;
}

/** The instant a day's hour (and minute) began, in the zone. */
export function instantOf(day: string, hhmm: string, zone: string): Date {
  return DateTime.fromISO(`${day}T${hhmm.slice(0, 2)}:${hhmm.slice(2, 4) || '00'}`, { zone }).toJSDate();
}
