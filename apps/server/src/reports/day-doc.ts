import type { BacklogCell } from './backlog-sampler.js';

/** A cell's counters as stored: numbers, whole durations, and handoff reasons by (encoded) name. */
export type StoredCell = Record<string, number | number[] | Record<string, number> | undefined>;

/** A report_days document as stored (see models/report-day.model.ts). */
export type DayDoc = {
  day: string;
  c?: Record<string, StoredCell>;
  backlog?: Record<string, { at: Date; cells: Record<string, BacklogCell> }>;
  comments?: { cell: string; conversationId: string; score: number; comment: string; at: Date }[];
};

export const numberIn = (cell: StoredCell, name: string): number => {
  const value = cell[name];
  return typeof value === 'number' ? value : 0;
};

export const seriesIn = (cell: StoredCell, name: string): number[] => {
  const value = cell[name];
  return Array.isArray(value) ? value : [];
};

export const reasonsIn = (cell: StoredCell): Record<string, number> => {
  const value = cell.reasons;
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
};
