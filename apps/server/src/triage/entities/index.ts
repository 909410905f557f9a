import type { ExtractedEntity } from '@switchboard/shared';
import type { TriageLanguage } from '../intents.js';
import { findAmounts } from './amounts.js';
import { findDates } from './dates.js';
import { findDocumentKinds } from './documents.js';
import { findOrderNumbers } from './order-numbers.js';

// zod's own email pattern's spirit, kept short: something@domain.tld, no spaces.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

/**
 * Order numbers, amounts with currency, dates, emails and document kinds in a customer's message. A number
 * that is part of an amount or a date is not also an order number.
 */
export function extractEntities(text: string, lang: TriageLanguage, receivedAt: Date): ExtractedEntity[] {
  const amounts = findAmounts(text, lang);
  const dates = findDates(text, lang, receivedAt);
  const taken = [...amounts, ...dates].map((e) => e.text);
  const orders = findOrderNumbers(text).filter((o) => !taken.some((t) => t.includes(o.value)));
  const emails = [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    text: m[0],
    value: m[0].toLowerCase(),
  }));
  return [...orders, ...amounts, ...dates, ...emails, ...findDocumentKinds(text)];
}
