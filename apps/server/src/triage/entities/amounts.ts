import type { ExtractedEntity } from '@switchboard/shared';
import type { TriageLanguage } from '../intents.js';

type Amount = Extract<ExtractedEntity, { kind: 'amount' }>;

// Symbols and words for money, longest first so "R$" wins over "$". A bare "$" is USD only in English:
// in Spanish it is pesos of one of several countries, so no currency is claimed.
const CURRENCIES: readonly (readonly [RegExp, string | null])[] = [
  [/^(?:r\$|brl|reais|real)$/i, 'BRL'],
  [/^(?:us\$|usd|d[oó]lares|dollars?|d[oó]lar)$/i, 'USD'],
  [/^(?:€|eur|euros?)$/i, 'EUR'],
  [/^(?:£|gbp|pounds?|libras?)$/i, 'GBP'],
  [/^(?:mxn|pesos mexicanos)$/i, 'MXN'],
  [/^(?:cop)$/i, 'COP'],
  [/^(?:ars)$/i, 'ARS'],
  [/^(?:clp)$/i, 'CLP'],
  [/^(?:s\/|pen|soles)$/i, 'PEN'],
];

const SYMBOL = String.raw`R\$|US\$|S\/|[$€£]|BRL|USD|EUR|GBP|MXN|COP|ARS|CLP|PEN`;
const WORD = String.raw`reais|euros?|d[oó]lares|dollars?|pounds?|libras?|pesos|soles|lucas`;
const NUMBER = String.raw`\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const AMOUNT = new RegExp(
  String.raw`(?<pre>${SYMBOL})\s?(?<a>${NUMBER})(?:\s?(?<k>k|mil)\b)?|(?<b>${NUMBER})\s?(?<post>${SYMBOL}|${WORD})(?![\p{L}])`,
  'giu',
);

/** Money a message names with its currency: "R$ 349,90", "89,99€", "$1,249", "560 pesos". */
export function findAmounts(text: string, lang: TriageLanguage): Amount[] {
  return [...text.matchAll(AMOUNT)].flatMap((match) => {
    const groups = match.groups ?? {};
    const value = parseNumber(groups.a ?? groups.b ?? '') * (groups.k ? 1000 : 1);
    if (!Number.isFinite(value)) return [];
    return [
      {
        kind: 'amount' as const,
        text: match[0].trim(),
        value,
        currency: currencyOf(groups.pre ?? groups.post ?? '', lang),
      },
    ];
  });
}

function currencyOf(symbol: string, lang: TriageLanguage): string | null {
  if (symbol === '$') return lang === 'en' ? 'USD' : null;
  return CURRENCIES.find(([pattern]) => pattern.test(symbol))?.[1] ?? null;
}

/**
 * "1,249" and "389.000" are thousands; "89,99" and "12.50" are decimals; "1.249,90" and "1,249.90" both.
 * The last separator is the decimal one when two kinds appear, or when fewer than three digits follow it.
 */
export function parseNumber(raw: string): number {
  const digits = raw.replace(/\s/g, '');
  const last = Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.'));
  if (last < 0) return Number(digits);
  const decimals = digits.length - last - 1;
  const kinds = new Set(digits.replace(/\d/g, ''));
  const isDecimal = kinds.size > 1 || decimals !== 3;
  const whole = digits.slice(0, isDecimal ? last : undefined).replace(/[.,]/g, '');
  return isDecimal ? Number(`${whole}.${digits.slice(last + 1)}`) : Number(whole);
}
