import type { ReportQuery } from '@switchboard/shared';

/** What a count is filed under: the conversation's queue, agent, channel, intent and language at the time. */
export type Cell = {
  queueId: string | null;
  agentId: string | null;
  channelId: string | null;
  intent: string | null;
  language: string | null;
};

const DIMENSIONS = ['queueId', 'agentId', 'channelId', 'intent', 'language'] as const;
const NONE = '-';

/**
 * A cell as a field name of the day document: the five values joined by `|`, each percent-encoded so that
 * no value (an intent a bot named, say) can hold the separator, a `.` (a path step) or a leading `$`.
 */
export function cellKey(cell: Cell): string {
  return DIMENSIONS.map((d) => {
    const value = cell[d];
    return value === null ? NONE : encodeURIComponent(value).replaceAll('.', '%2E').replaceAll('-', '%2D');
  }).join('|');
}

export function parseCellKey(key: string): Cell {
  const parts = key.split('|');
  const value = (i: number) => (parts[i] === NONE || parts[i] === undefined ? null : decodeURIComponent(parts[i]));
  return { queueId: value(0), agentId: value(1), channelId: value(2), intent: value(3), language: value(4) };
}

export type CellFilter = Pick<ReportQuery, 'queueId' | 'agentId' | 'channelId' | 'intent' | 'language'>;

/** Whether the cell's counts belong in a report with these filters. */
export function cellMatches(cell: Cell, filter: CellFilter): boolean {
  return DIMENSIONS.every((d) => filter[d] === undefined || filter[d] === cell[d]);
}

/** An agent's own cell (time online), which no conversation's queue, channel, intent or language describes. */
export const agentCell = (agentId: string): Cell => ({
  queueId: null,
  agentId,
  channelId: null,
  intent: null,
  language: null,
});
