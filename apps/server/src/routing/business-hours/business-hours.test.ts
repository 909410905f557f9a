import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isOpen, parseBusinessHours } from './business-hours.js';

const at = (iso: string) => new Date(iso);
const nineToSix = [{ start: '09:00', end: '18:00' }];
const weekdays = (intervals: Array<{ start: string; end: string }>) => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});
const saoPaulo = parseBusinessHours({ timezone: 'America/Sao_Paulo', weekly: weekdays(nineToSix) });

describe('without business hours (24/7)', () => {
  it('adds plain wall-clock minutes and is always open', () => {
    expect(addBusinessMinutes(at('2025-03-15T23:30:00Z'), 90)).toEqual(at('2025-03-16T01:00:00Z'));
    expect(businessMinutesBetween(at('2025-03-15T23:30:00Z'), at('2025-03-16T01:00:00Z'))).toBe(90);
    expect(isOpen(at('2025-03-16T03:00:00Z'))).toBe(true);
  });
});

describe('Mon-Fri 09:00-18:00 in America/Sao_Paulo', () => {
  it('carries what is left at Friday closing to Monday morning', () => {
    expect(addBusinessMinutes(at('2025-03-14T17:50:00-03:00'), 60, saoPaulo)).toEqual(at('2025-03-17T09:50:00-03:00'));
  });

  it('keeps a deadline that lands on closing time on that day', () => {
    expect(addBusinessMinutes(at('2025-03-14T17:50:00-03:00'), 10, saoPaulo)).toEqual(at('2025-03-14T18:00:00-03:00'));
  });

  it('starts counting at Monday 09:00 for a message sent on Saturday', () => {
    expect(addBusinessMinutes(at('2025-03-15T10:00:00-03:00'), 30, saoPaulo)).toEqual(at('2025-03-17T09:30:00-03:00'));
  });

  it('skips holidays', () => {
    const easter = parseBusinessHours({
      timezone: 'America/Sao_Paulo',
      weekly: weekdays(nineToSix),
      holidays: ['2025-04-18', '2025-04-21'],
    });
    expect(addBusinessMinutes(at('2025-04-17T17:30:00-03:00'), 60, saoPaulo)).toEqual(at('2025-04-18T09:30:00-03:00'));
    expect(addBusinessMinutes(at('2025-04-17T17:30:00-03:00'), 60, easter)).toEqual(at('2025-04-22T09:30:00-03:00'));
    expect(isOpen(at('2025-04-18T12:00:00-03:00'), easter)).toBe(false);
  });

  it('counts spans longer than a week (2 weeks of 45 open hours, plus one hour)', () => {
    expect(addBusinessMinutes(at('2025-03-10T09:00:00-03:00'), 2 * 5 * 540 + 60, saoPaulo)).toEqual(
      at('2025-03-24T10:00:00-03:00'),
    );
  });

  it('measures open minutes between two moments, signed like a subtraction', () => {
    expect(businessMinutesBetween(at('2025-03-14T17:00:00-03:00'), at('2025-03-17T10:00:00-03:00'), saoPaulo)).toBe(
      120,
    );
    expect(businessMinutesBetween(at('2025-03-17T10:00:00-03:00'), at('2025-03-14T17:00:00-03:00'), saoPaulo)).toBe(
      -120,
    );
    expect(businessMinutesBetween(at('2025-03-15T10:00:00-03:00'), at('2025-03-16T10:00:00-03:00'), saoPaulo)).toBe(0);
  });

  it('is open from opening time up to, not including, closing time', () => {
    expect(isOpen(at('2025-03-17T09:00:00-03:00'), saoPaulo)).toBe(true);
    expect(isOpen(at('2025-03-17T17:59:00-03:00'), saoPaulo)).toBe(true);
    expect(isOpen(at('2025-03-17T18:00:00-03:00'), saoPaulo)).toBe(false);
    expect(isOpen(at('2025-03-15T12:00:00-03:00'), saoPaulo)).toBe(false);
  });

  it('refuses a negative number of minutes', () => {
    expect(() => addBusinessMinutes(at('2025-03-14T17:00:00-03:00'), -5, saoPaulo)).toThrow(/at least 0 \(got -5\)/);
  });
});

describe('DST in America/New_York, Mon-Fri 09:00-17:00', () => {
  const newYork = parseBusinessHours({
    timezone: 'America/New_York',
    weekly: weekdays([{ start: '09:00', end: '17:00' }]),
  });

  it('opens at 09:00 local after clocks spring forward', () => {
    // Friday is EST (UTC-5), Monday is EDT (UTC-4): a fixed offset would land at 11:00 local.
    expect(addBusinessMinutes(at('2025-03-07T16:00:00-05:00'), 120, newYork)).toEqual(at('2025-03-10T10:00:00-04:00'));
  });

  it('opens at 09:00 local after clocks fall back', () => {
    expect(addBusinessMinutes(at('2025-10-31T16:00:00-04:00'), 120, newYork)).toEqual(at('2025-11-03T10:00:00-05:00'));
  });

  it('counts real time inside a shift the change happens in', () => {
    const nights = parseBusinessHours({
      timezone: 'America/New_York',
      weekly: { sun: [{ start: '00:00', end: '06:00' }] },
    });
    // 00:00-06:00 on 9 March 2025 lasts five real hours: 02:00-03:00 never happens.
    expect(businessMinutesBetween(at('2025-03-09T00:00:00-05:00'), at('2025-03-09T06:00:00-04:00'), nights)).toBe(300);
    expect(addBusinessMinutes(at('2025-03-09T01:30:00-05:00'), 60, nights)).toEqual(at('2025-03-09T03:30:00-04:00'));
  });

  it('never counts a minute twice when a shift ends inside the skipped hour', () => {
    // 02:30 does not exist on 9 March: it reads as 03:30 EDT, inside the second shift. Open 01:00 EST to 04:00 EDT is 2 real hours.
    const split = parseBusinessHours({
      timezone: 'America/New_York',
      weekly: {
        sun: [
          { start: '01:00', end: '02:30' },
          { start: '03:00', end: '04:00' },
        ],
      },
    });
    expect(businessMinutesBetween(at('2025-03-09T00:00:00-05:00'), at('2025-03-09T05:00:00-04:00'), split)).toBe(120);
  });
});

describe('an overnight shift 22:00-06:00 written as two intervals', () => {
  const night = [
    { start: '00:00', end: '06:00' },
    { start: '22:00', end: '24:00' },
  ];
  const nights = parseBusinessHours({
    timezone: 'America/Sao_Paulo',
    weekly: { ...weekdays(night), sat: night, sun: night },
  });

  it('runs through midnight without a break', () => {
    expect(addBusinessMinutes(at('2025-03-17T23:30:00-03:00'), 60, nights)).toEqual(at('2025-03-18T00:30:00-03:00'));
    expect(businessMinutesBetween(at('2025-03-17T21:00:00-03:00'), at('2025-03-18T07:00:00-03:00'), nights)).toBe(480);
  });

  it('carries time left at 06:00 to 22:00 the same day', () => {
    expect(addBusinessMinutes(at('2025-03-18T05:30:00-03:00'), 60, nights)).toEqual(at('2025-03-18T22:30:00-03:00'));
  });

  it('is open at night and closed by day', () => {
    expect(isOpen(at('2025-03-17T23:59:00-03:00'), nights)).toBe(true);
    expect(isOpen(at('2025-03-18T00:00:00-03:00'), nights)).toBe(true);
    expect(isOpen(at('2025-03-18T06:00:00-03:00'), nights)).toBe(false);
    expect(isOpen(at('2025-03-18T12:00:00-03:00'), nights)).toBe(false);
  });
});

describe('parseBusinessHours refuses bad schedules, naming the problem', () => {
  const refusal = (input: unknown) => {
    try {
      parseBusinessHours(input);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('schedule was accepted');
  };

  it('refuses overlapping intervals', () => {
    const weekly = {
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
    };
    expect(refusal({ timezone: 'UTC', weekly })).toContain('weekly.mon: 09:00-12:00 overlaps 11:00-13:00');
  });

  it('refuses an inverted interval and says how to write an overnight shift', () => {
    expect(refusal({ timezone: 'UTC', weekly: { tue: [{ start: '22:00', end: '06:00' }] } })).toContain(
      'weekly.tue.0: 22:00-06:00 is empty or inverted: start must be before end (split an overnight shift at midnight: 22:00-24:00 and 00:00-06:00)',
    );
  });

  it('refuses an unknown time zone', () => {
    expect(refusal({ timezone: 'Mars/Olympus_Mons', weekly: weekdays(nineToSix) })).toContain(
      'timezone: must be an IANA time zone',
    );
  });

  it('refuses malformed times, impossible holidays, misspelt days and a week with no open hours', () => {
    expect(refusal({ timezone: 'UTC', weekly: { mon: [{ start: '9:00', end: '18:00' }] } })).toContain(
      'weekly.mon.0.start: must be a time HH:MM',
    );
    expect(refusal({ timezone: 'UTC', weekly: weekdays(nineToSix), holidays: ['2025-02-30'] })).toContain(
      'holidays.0: is not a real calendar date',
    );
    expect(refusal({ timezone: 'UTC', weekly: { thur: nineToSix } })).toMatch(/weekly: Unrecognized key: "thur"/);
    expect(refusal({ timezone: 'UTC', weekly: { sat: [] } })).toContain('weekly: has no open hours on any day');
  });
});
