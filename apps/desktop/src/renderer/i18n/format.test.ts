import { describe, expect, it } from 'vitest';
import { createFormatters, intlLocale } from './format';

const may4 = '2026-05-04T15:04:00.000Z';
const now = Date.parse('2026-05-04T17:04:00.000Z');

describe('the Intl formatters', () => {
  it("uses the system's own variant of the chosen language, else the one the translation is written for", () => {
    expect(intlLocale('es', ['es-AR', 'en-US'])).toBe('es-AR');
    expect(intlLocale('es', ['en-US'])).toBe('es-419');
    expect(intlLocale('pt', ['pt'])).toBe('pt-BR');
    expect(intlLocale('en', ['de-DE'])).toBe('en-US');
  });

  it('writes days and months in each language', () => {
    const day = (tag: string) => createFormatters(tag).shortDate(may4);
    expect(day('en-US')).toMatch(/^May 4$/);
    expect(day('es-419')).toMatch(/^4 may\.?$/);
    expect(day('pt-BR')).toMatch(/^4 de mai\.?$/);
  });

  it('says relative times in each language', () => {
    expect(createFormatters('en-US').relative(may4, now)).toBe('2 hr. ago');
    expect(createFormatters('es-419').relative(may4, now)).toBe('hace 2 h');
    expect(createFormatters('pt-BR').relative(may4, now)).toBe('há 2 h');
    expect(createFormatters('en-US').relative(new Date(now + 5 * 60_000).toISOString(), now)).toBe('in 5 min.');
  });

  it('writes durations with two units at most, in the locale’s own units', () => {
    const en = createFormatters('en-US');
    expect([en.duration(35_000), en.duration(250_000), en.duration(7_500_000), en.duration(3 * 86_400_000)]).toEqual([
      '35s',
      '4m 10s',
      '2h 5m',
      '3 days 0h',
    ]);
    expect(createFormatters('pt-BR').duration(7_500_000)).toBe('2 h 5 min');
  });

  it('groups numbers and shows prices as each locale does', () => {
    expect(createFormatters('pt-BR').number(1234567.5)).toBe('1.234.567,5');
    expect(createFormatters('en-US').number(1234567.5)).toBe('1,234,567.5');
    expect(createFormatters('pt-BR').money(129.9, 'BRL')).toMatch(/^R\$\s129,90$/);
    // WhatsApp's code is passed on as sent; one Intl cannot read still shows, after the amount.
    expect(createFormatters('en-US').money(5, 'reais')).toBe('5 reais');
  });

  it('writes report percentages to one decimal and report days as day and month, in each locale', () => {
    expect(createFormatters('en-US').percent(1 / 3)).toBe('33.3%');
    expect(createFormatters('pt-BR').percent(1 / 3)).toBe('33,3%');
    expect(createFormatters('en-US').dayMonth('2026-05-04')).toBe('May 4');
    expect(createFormatters('es-419').dayMonth('2026-05-04')).toMatch(/^4 may\.?$/);
  });
});
