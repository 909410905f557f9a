import type { Database } from 'better-sqlite3';
import {
  MARK_CLOSE,
  MARK_OPEN,
  snippetParts,
  wordsMatch,
  type ConversationDTO,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '@switchboard/shared';

type Row = { messageId: string; sentAt: string; direction: SearchHit['direction']; marked: string; json: string };

const CONTACT_HITS = 5;

/**
 * Offline search of what this device cached (messages through FTS5, contacts by name or number), in the
 * server's answer shape with `source: 'device'`, so the screen shows both alike and says which it is.
 */
export function searchStore(db: Database) {
  const marks = `'${MARK_OPEN}', '${MARK_CLOSE}'`;

  function filters(query: SearchQuery): { sql: string; args: unknown[] } {
    const clauses: string[] = ['c.json IS NOT NULL'];
    const args: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => (clauses.push(sql), args.push(...values));
    if (query.status) add('c.status = ?', query.status);
    if (query.queueId) add("json_extract(c.json, '$.queueId') = ?", query.queueId);
    if (query.assigneeId === 'none') add('c.assigneeId IS NULL');
    else if (query.assigneeId) add('c.assigneeId = ?', query.assigneeId);
    if (query.label) add("EXISTS (SELECT 1 FROM json_each(c.json, '$.labels') WHERE value = ?)", query.label);
    return { sql: clauses.join(' AND '), args };
  }

  function messages(query: SearchQuery): { hits: SearchHit[]; nextCursor: string | null } {
    const match = wordsMatch(query.q);
    if (!match) return { hits: [], nextCursor: null };
    const scope = filters(query);
    const dates: unknown[] = [query.from ?? '', query.to ?? '9999'];
    // The cache is small: the next page is an offset, newest first by when each message was written.
    const offset = query.cursor ? Number.parseInt(query.cursor, 36) : 0;
    const rows = db
      .prepare<unknown[], Row>(
        `SELECT m.id AS messageId, m.sentAt, m.direction, c.json,
           snippet(messages_fts, 0, ${marks}, '…', 16) AS marked
         FROM messages_fts
         JOIN messages m ON m.rowid = messages_fts.rowid
         JOIN conversations c ON c.id = m.conversationId
         WHERE messages_fts MATCH ? AND m.sentAt >= ? AND m.sentAt < ? AND ${scope.sql}
         ORDER BY m.sentAt DESC, m.id LIMIT ? OFFSET ?`,
      )
      .all(match, ...dates, ...scope.args, query.limit + 1, offset);
    const page = rows.slice(0, query.limit);
    return {
      hits: page.map((row) => ({
        ...hitOf(JSON.parse(row.json) as ConversationDTO, 'message', 'text', snippetParts(row.marked)),
        messageId: row.messageId,
        direction: row.direction,
        at: row.sentAt,
      })),
      nextCursor: rows.length > query.limit ? (offset + query.limit).toString(36) : null,
    };
  }

  /** A contact's name or number containing what was typed: the cache holds few enough to read them all. */
  function contacts(query: SearchQuery): SearchHit[] {
    const scope = filters(query);
    const needle = query.q.trim().toLocaleLowerCase();
    const conversations = db
      .prepare<unknown[], { json: string }>(
        `SELECT c.json FROM conversations c WHERE ${scope.sql} ORDER BY c.lastMessageAt DESC`,
      )
      .all(...scope.args)
      .map((r) => JSON.parse(r.json) as ConversationDTO);
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const conversation of conversations) {
      const { contact } = conversation;
      if (seen.has(contact.id) || hits.length === CONTACT_HITS) continue;
      const fields = [
        ['name', contact.name ?? contact.profileName],
        ['number', contact.waId],
      ] as const;
      const found = fields.find(([, value]) => value?.toLocaleLowerCase().includes(needle));
      if (!found) continue;
      seen.add(contact.id);
      hits.push(hitOf(conversation, 'contact', found[0], highlight(found[1]!, needle)));
    }
    return hits;
  }

  return {
    searchCache(query: SearchQuery): SearchResult {
      const found = messages(query);
      const first = query.cursor === undefined ? contacts(query) : [];
      return { hits: [...first, ...found.hits], nextCursor: found.nextCursor, source: 'device' };
    },
  };
}

function highlight(value: string, needle: string): SearchHit['snippet'] {
  const at = value.toLocaleLowerCase().indexOf(needle);
  const parts = [
    { text: value.slice(0, at), match: false },
    { text: value.slice(at, at + needle.length), match: true },
    { text: value.slice(at + needle.length), match: false },
  ];
  return parts.filter((p) => p.text !== '');
}

function hitOf(
  c: ConversationDTO,
  kind: SearchHit['kind'],
  field: SearchHit['field'],
  snippet: SearchHit['snippet'],
): SearchHit {
  return {
    kind,
    field,
    conversationId: c.id,
    messageId: null,
    direction: null,
    at: c.lastMessageAt ?? c.createdAt,
    snippet,
    contact: { id: c.contact.id, name: c.contact.name ?? c.contact.profileName, waId: c.contact.waId },
    conversation: { status: c.status, assigneeId: c.assigneeId, queueId: c.queueId, labels: c.labels },
  };
}
