import {
  fragmentsMatch,
  MARK_CLOSE,
  MARK_OPEN,
  snippetParts,
  wordsMatch,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '@switchboard/shared';
import type { Viewer } from '../domain/viewer.js';
import { rowidRange, type SearchIndex } from './search-index.js';
import { conversationScope, lastMessageWithin } from './search-sql.js';

/** Contact and label hits shown above the messages, on the first page only. */
const CONVERSATION_HITS = 5;
/** Contacts a search looks at for a visible conversation; past this many, a narrower search is needed. */
const CONTACT_CANDIDATES = 100;

type ConversationRow = {
  conversationId: string;
  status: 'open' | 'resolved';
  queueId: string | null;
  assigneeId: string | null;
  labels: string;
  lastMessageAt: number | null;
  contactId: string | null;
  contactName: string | null;
  waId: string | null;
};

const CONVERSATION_COLUMNS = `
  c.id AS conversationId, c.status, c.queue_id AS queueId, c.assignee_id AS assigneeId, c.labels,
  c.last_message_at AS lastMessageAt, ct.id AS contactId, ct.name AS contactName, ct.wa_id AS waId`;

const marks = `'${MARK_OPEN}', '${MARK_CLOSE}'`;

/**
 * Search across history: every message, contact (name, number, email) and label the viewer may see, within
 * the filters, answered from the search index alone (no database command), newest messages first.
 */
export class SearchService {
  constructor(private readonly index: SearchIndex) {}

  search(query: SearchQuery, viewer: Viewer): SearchResult {
    const messages = this.messages(query, viewer);
    const first = query.cursor === undefined;
    return {
      hits: [...(first ? [...this.contacts(query, viewer), ...this.labels(query, viewer)] : []), ...messages.hits],
      nextCursor: messages.nextCursor,
      source: 'server',
    };
  }

  private messages(query: SearchQuery, viewer: Viewer): { hits: SearchHit[]; nextCursor: string | null } {
    const match = wordsMatch(query.q, this.index.completions);
    if (!match) return { hits: [], nextCursor: null };
    const { low, high } = rowidRange(query.from, query.to);
    const before = query.cursor ? Math.min(high, Number.parseInt(query.cursor, 36)) : high;
    const scope = conversationScope(query, viewer);
    const rows = this.index.db
      .prepare<unknown[], ConversationRow & { rowid: number; messageId: string; direction: string; marked: string }>(
        `SELECT messages_fts.rowid AS rowid, m.id AS messageId, m.direction,
           snippet(messages_fts, 0, ${marks}, '…', 16) AS marked, ${CONVERSATION_COLUMNS}
         FROM messages_fts
         JOIN messages m ON m.rowid = messages_fts.rowid
         JOIN conversations c ON c.rowid = m.conversation_rowid
         LEFT JOIN contacts ct ON ct.rowid = c.contact_rowid
         WHERE messages_fts MATCH ? AND messages_fts.rowid >= ? AND messages_fts.rowid < ? AND ${scope.sql}
         ORDER BY messages_fts.rowid DESC
         LIMIT ?`,
      )
      .all(match, low, before, ...scope.args, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      hits: page.map((row) => ({
        ...hitOf(row, 'message', 'text', snippetParts(row.marked)),
        messageId: row.messageId,
        direction: row.direction as SearchHit['direction'],
        at: new Date(Math.floor(row.rowid / 1024)).toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? last.rowid.toString(36) : null,
    };
  }

  private contacts(query: SearchQuery, viewer: Viewer): SearchHit[] {
    const match = fragmentsMatch(query.q);
    if (!match) return [];
    const candidates = this.index.db
      .prepare<[string, number], { rowid: number; name: string; number: string; email: string }>(
        `SELECT rowid, highlight(contacts_fts, 0, ${marks}) AS name, highlight(contacts_fts, 1, ${marks}) AS number,
           highlight(contacts_fts, 2, ${marks}) AS email
         FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?`,
      )
      .all(match, CONTACT_CANDIDATES);
    const scope = conversationScope(query, viewer);
    const within = lastMessageWithin(query);
    const latestVisible = this.index.db.prepare<unknown[], ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c JOIN contacts ct ON ct.rowid = c.contact_rowid
       WHERE c.contact_rowid = ? AND ${scope.sql} AND ${within.sql}
       ORDER BY c.last_message_at DESC LIMIT 1`,
    );
    const hits: SearchHit[] = [];
    for (const candidate of candidates) {
      const row = latestVisible.get(candidate.rowid, ...scope.args, ...within.args);
      if (!row) continue;
      const field = (['name', 'number', 'email'] as const).find((f) => candidate[f].includes(MARK_OPEN)) ?? 'name';
      hits.push(hitOf(row, 'contact', field, snippetParts(candidate[field])));
      if (hits.length === CONVERSATION_HITS) break;
    }
    return hits;
  }

  private labels(query: SearchQuery, viewer: Viewer): SearchHit[] {
    const match = wordsMatch(query.q);
    if (!match) return [];
    const scope = conversationScope(query, viewer);
    const within = lastMessageWithin(query);
    const rows = this.index.db
      .prepare<unknown[], ConversationRow & { marked: string }>(
        `SELECT highlight(labels_fts, 0, ${marks}) AS marked, ${CONVERSATION_COLUMNS}
         FROM labels_fts
         JOIN conversations c ON c.rowid = labels_fts.rowid
         LEFT JOIN contacts ct ON ct.rowid = c.contact_rowid
         WHERE labels_fts MATCH ? AND ${scope.sql} AND ${within.sql}
         ORDER BY labels_fts.rowid DESC LIMIT ?`,
      )
      .all(match, ...scope.args, ...within.args, CONVERSATION_HITS);
    return rows.map((row) => {
      const label = row.marked.split('\n').find((l) => l.includes(MARK_OPEN)) ?? row.marked;
      return hitOf(row, 'label', 'label', snippetParts(label));
    });
  }
}

function hitOf(
  row: ConversationRow,
  kind: SearchHit['kind'],
  field: SearchHit['field'],
  snippet: SearchHit['snippet'],
): SearchHit {
  return {
    kind,
    field,
    conversationId: row.conversationId,
    messageId: null,
    direction: null,
    at: new Date(row.lastMessageAt ?? 0).toISOString(),
    snippet,
    contact: { id: row.contactId ?? '', name: row.contactName, waId: row.waId },
    conversation: {
      status: row.status,
      assigneeId: row.assigneeId,
      queueId: row.queueId,
      labels: row.labels.split('|').filter(Boolean),
    },
  };
}
