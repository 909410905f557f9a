import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** '24:00' is allowed so a shift can run to midnight; an overnight shift is two intervals split there. */
const Clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM from 00:00 to 24:00');

export function minuteOfDay(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

const Interval = z.strictObject({ start: Clock, end: Clock });

const Day = z.array(Interval).superRefine((intervals, ctx) => {
  intervals.forEach(({ start, end }, i) => {
    if (minuteOfDay(start) >= minuteOfDay(end)) {
      const hint =
        minuteOfDay(start) > minuteOfDay(end)
          ? ` (split an overnight shift at midnight: ${start}-24:00 and 00:00-${end})`
          : '';
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `${start}-${end} is empty or inverted: start must be before end${hint}`,
      });
    }
  });
  const sorted = [...intervals].sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
  sorted.forEach((next, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    if (prev && minuteOfDay(next.start) < minuteOfDay(prev.end)) {
      ctx.addIssue({ code: 'custom', message: `${prev.start}-${prev.end} overlaps ${next.start}-${next.end}` });
    }
  });
});

/** A real calendar date, checked without a date library so the renderer can run the same check. */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Intl knows every IANA zone in Node and in browsers alike, and throws on one it does not know. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date');

/**
 * When a team (a queue) or one agent works: a time zone, open intervals per weekday, and closed dates.
 * The server brands the parsed value so its clock functions only ever see a checked schedule.
 */
export const BusinessHoursSchedule = z
  .strictObject({
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/Sao_Paulo'),
    // A day left out is closed, like an empty one; strictness still catches a misspelt day.
    weekly: z.strictObject({
      mon: Day.default([]),
      tue: Day.default([]),
      wed: Day.default([]),
      thu: Day.default([]),
      fri: Day.default([]),
      sat: Day.default([]),
      sun: Day.default([]),
    }),
    holidays: z.array(IsoDate).max(366).default([]),
  })
  .superRefine((hours, ctx) => {
    if (WEEKDAYS.every((d) => hours.weekly[d].length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: 'has no open hours on any day (leave business hours out for 24/7)',
      });
    }
  });
export type BusinessHoursSchedule = z.output<typeof BusinessHoursSchedule>;
