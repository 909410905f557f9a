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

export function findDates(text: string, lang: TriageLanguage, receivedAt: Date): DateEntity[] {
  return PARSERS[lang].parse(text, receivedAt).map((result) => ({
    kind: 'date' as const,
    text: result.text,
    value: isoDay(result.start.date()),
  }));
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
