import { formatDuration } from '../../lib/time';

/** A figure the report could not compute (nothing counted) shows as a dash, never as zero. */
export const seconds = (value: number | null) => (value === null ? '–' : formatDuration(value * 1000));
export const percent = (ratio: number | null) => (ratio === null ? '–' : `${Math.round(ratio * 1000) / 10}%`);
export const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
