import type { Formatters } from '../../i18n/format';

/** A figure the report could not compute (nothing counted) shows as a dash, never as zero. */
const NONE = '–';
export const seconds = (f: Formatters, value: number | null) => (value === null ? NONE : f.duration(value * 1000));
/** 0.875 -> "87.5%", "87,5 %": one decimal, in the locale's own way. */
export const percent = (f: Formatters, ratio: number | null) =>
  ratio === null ? NONE : f.percent(Math.round(ratio * 1000) / 1000);
/** A 1–3 CSAT average, two decimals in the locale's own way. */
export const score = (f: Formatters, value: number | null) =>
  value === null ? NONE : f.number(Math.round(value * 100) / 100);
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
