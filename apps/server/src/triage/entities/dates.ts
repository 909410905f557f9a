import * as chrono from 'chrono-node';
import type { ExtractedEntity } from '@switchboard/shared';
import type { TriageLanguage } from '../intents.js';

type DateEntity = Extract<ExtractedEntity, { kind: 'date' }>;

// chrono-node reads dates in each language ("el jueves 9", "12/03" as 12 March in Spanish and Portuguese,
// "since Monday"), relative to when the message arrived.
const PARSERS: Readonly<Record<TriageLanguage, chrono.Chrono>> = {
  en: chrono.en.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
};

/** Further ahead than this, a day written without its year ("3 March") is taken as the last one. */
const FURTHEST_IMPLIED_DAYS = 60;

export function findDates(text: string, lang: TriageLanguage, receivedAt: Date): DateEntity[] {
  return PARSERS[lang].parse(text, receivedAt).map((result) => ({
    kind: 'date' as const,
    text: result.text,
    value: isoDay(likelyDay(result.start, receivedAt)),
  }));
}

/**
 * chrono takes a day without a year at its nearest occurrence, so in December "ordered on 3 March" would be next
 * March. Customers mostly write about what already happened (an order, a payment, a delivery) or what is weeks
 * away (an appointment): a year-less day more than two months ahead is last year's.
 */
function likelyDay(start: chrono.ParsedComponents, receivedAt: Date): Date {
  const date = start.date();
  const daysAhead = (date.getTime() - receivedAt.getTime()) / 86_400_000;
  if (start.isCertain('year') || daysAhead <= FURTHEST_IMPLIED_DAYS) return date;
  const lastYear = new Date(date);
  lastYear.setFullYear(date.getFullYear() - 1);
  return lastYear;
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
