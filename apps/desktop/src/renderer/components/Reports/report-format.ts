import type { Formatters } from '../../i18n/format';

/** A figure the report could not compute (nothing counted) shows as a dash, never as zero. */
export const seconds = (f: Formatters, value: number | null) => (value === null ? '–' : f.duration(value * 1000));
export const percent = (f: Formatters, ratio: number | null) =>
  ratio === null ? '–' : `${f.number(Math.round(ratio * 1000) / 10)}%`;
export const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
