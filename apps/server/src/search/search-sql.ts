import type { SearchQuery } from '@switchboard/shared';
import type { Viewer } from '../domain/viewer.js';

/** A piece of SQL with its positional arguments. */
export type Clause = { sql: string; args: unknown[] };

const all = (clauses: Clause[]): Clause => ({
  sql: clauses.length > 0 ? clauses.map((c) => `(${c.sql})`).join(' AND ') : '1',
  args: clauses.flatMap((c) => c.args),
});

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Viewer.canSee as SQL on the conversations row `c`: the same rule the API applies everywhere. */
export function visibleTo(viewer: Viewer): Clause {
  if (viewer.seesEverything) return { sql: '1', args: [] };
  const channels = viewer.channelIds.map((id) => id.toHexString());
  const queues = viewer.queueIds.map((id) => id.toHexString());
  return {
    sql: [
      `c.channel_id IN (${placeholders(channels.length)})`,
      'c.assignee_id = ?',
      `c.queue_id IN (${placeholders(queues.length)})`,
    ].join(' OR '),
    args: [...channels, viewer.userId, ...queues],
  };
}

/** The query's conversation filters (status, queue, assignee, label) on the conversations row `c`. */
export function conversationFilters(query: SearchQuery): Clause {
  const clauses: Clause[] = [];
  if (query.status) clauses.push({ sql: 'c.status = ?', args: [query.status] });
  if (query.queueId) clauses.push({ sql: 'c.queue_id = ?', args: [query.queueId] });
  if (query.assigneeId === 'none') clauses.push({ sql: 'c.assignee_id IS NULL', args: [] });
  else if (query.assigneeId) clauses.push({ sql: 'c.assignee_id = ?', args: [query.assigneeId] });
  if (query.label) clauses.push({ sql: "instr(c.labels, '|' || ? || '|') > 0", args: [query.label] });
  return all(clauses);
}

/** What every hit must satisfy: visible to the viewer, and within the query's filters. */
export function conversationScope(query: SearchQuery, viewer: Viewer): Clause {
  return all([visibleTo(viewer), conversationFilters(query)]);
}

/** A conversation-level hit's date range, on its last message. */
export function lastMessageWithin(query: SearchQuery): Clause {
  const clauses: Clause[] = [];
  if (query.from) clauses.push({ sql: 'c.last_message_at >= ?', args: [Date.parse(query.from)] });
  if (query.to) clauses.push({ sql: 'c.last_message_at < ?', args: [Date.parse(query.to)] });
  return all(clauses);
}
