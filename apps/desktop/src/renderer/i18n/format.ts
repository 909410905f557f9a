import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@switchboard/shared';
import { isLocale } from './index';

/** The region each translation is written for, when the system names none of its own for that language. */
const WRITTEN_FOR: Record<Locale, string> = { en: 'en-US', es: 'es-419', pt: 'pt-BR' };

/**
 * The Intl locale for dates and numbers: the system's own variant of the chosen language when it has one
 * (an agent in Spain keeps 24-hour times and "1.234"), else the region the translation is written for.
 */
export function intlLocale(locale: Locale, preferred: readonly string[] = systemLanguages()): string {
  return preferred.find((tag) => tag.split('-')[0] === locale && tag.includes('-')) ?? WRITTEN_FOR[locale];
}

const systemLanguages = () => (typeof navigator === 'undefined' ? [] : navigator.languages);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Past this, a relative time names the day instead ("3 days ago" reads worse than "May 4"). */
const RELATIVE_LIMIT_MS = 7 * DAY;

export type Formatters = ReturnType<typeof createFormatters>;

/** Every date, time, duration and number the interface shows, in one locale, through Intl. */
export function createFormatters(tag: string) {
  const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' });
  const dayMonthTime = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const full = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });
  const number = new Intl.NumberFormat(tag);
  const names = new Intl.ListFormat(tag, { type: 'conjunction' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  // Narrow units read well in a list row ("2h 5m"); days stay short, as some locales abbreviate them oddly.
  const unit = (u: 'day' | 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: u === 'day' ? 'short' : 'narrow' });
  const units = { day: unit('day'), hour: unit('hour'), minute: unit('minute'), second: unit('second') };
  const isToday = (date: Date) => date.toDateString() === new Date().toDateString();

  return {
    tag,
    /** "Ana, Bruno and Carla", "Ana, Bruno y Carla". */
    names: (list: string[]) => names.format(list),
    /** "3:04 PM", "15:04". */
    time: (iso: string) => time.format(new Date(iso)),
    /** The time today, else the day: "3:04 PM", "4 may". */
    shortDate: (iso: string) => (isToday(new Date(iso)) ? time.format(new Date(iso)) : dayMonth.format(new Date(iso))),
    /** A calendar day (`YYYY-MM-DD`) as day and month: "May 4", "4 may". */
    dayMonth: (isoDay: string) => dayMonth.format(new Date(`${isoDay}T12:00:00`)),
    /** The time, with its day when it is not today. */
    dateTime: (iso: string) =>
      isToday(new Date(iso)) ? time.format(new Date(iso)) : dayMonthTime.format(new Date(iso)),
    /** A calendar day (`YYYY-MM-DD`), no time: "Mon, May 4, 2026", "lun, 4 may 2026". */
    day: (isoDay: string) => day.format(new Date(`${isoDay}T12:00:00`)),
    /** Everything, for a tooltip: "Monday, May 4, 2026 at 3:04 PM". */
    fullDate: (iso: string) => full.format(new Date(iso)),
    /** "in 5 min", "2 hr. ago", "hace 2 h", "há 2 h"; past a week, the day itself. */
    relative(iso: string, now: number): string {
      const ms = Date.parse(iso) - now;
      const size = Math.abs(ms);
      if (size >= RELATIVE_LIMIT_MS) return dayMonth.format(new Date(iso));
      if (size >= DAY) return relative.format(Math.round(ms / DAY), 'day');
      if (size >= HOUR) return relative.format(Math.round(ms / HOUR), 'hour');
      if (size >= MINUTE) return relative.format(Math.round(ms / MINUTE), 'minute');
      return relative.format(Math.round(ms / 1000), 'second');
    },
    /** A length of time, two units at most: "2d 3h", "2h 5m", "4m 10s", "35s" (in the locale's units). */
    duration(ms: number): string {
      const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      if (h >= 48) return `${units.day.format(Math.floor(h / 24))} ${units.hour.format(h % 24)}`;
      if (h > 0) return `${units.hour.format(h)} ${units.minute.format(m)}`;
      if (m > 0) return `${units.minute.format(m)} ${units.second.format(s)}`;
      return units.second.format(s);
    },
    number: (n: number) => number.format(n),
    /** A file's size: "820 kB", "4.8 MB", "4,8 MB". */
    fileSize: (bytes: number) => fileSize(tag, bytes),
    /** 0.87 -> "87%", "87 %"; 0.333 -> "33.3%". */
    percent: (fraction: number) => percent.format(fraction),
    /** A price in its own currency: "R$ 129,90", "$129.90". */
    money(amount: number, currency: string): string {
      try {
        return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(amount);
      } catch {
        // A currency code Intl does not know: the amount in this locale, then the code as WhatsApp gave it.
        return `${number.format(amount)} ${currency}`;
      }
    },
  };
}

const KB = 1024;
const MB = 1024 * KB;

/** Sizes in the binary units WhatsApp's limits are stated in, one decimal at most. */
export function fileSize(tag: string, bytes: number): string {
  const [value, unit] =
    bytes >= MB ? [bytes / MB, 'megabyte'] : bytes >= KB ? [bytes / KB, 'kilobyte'] : [bytes, 'byte'];
  const maximumFractionDigits = unit === 'megabyte' ? 1 : 0;
  return new Intl.NumberFormat(tag, { style: 'unit', unit, maximumFractionDigits }).format(value);
}

const cache = new Map<string, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  const tag = intlLocale(locale);
  let formatters = cache.get(tag);
  if (!formatters) cache.set(tag, (formatters = createFormatters(tag)));
  return formatters;
}

/** The formatters of the language the interface speaks now; components re-render when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return useMemo(() => formattersFor(locale), [locale]);
}
