import type { Database } from 'better-sqlite3';
import type { ConversationDTO } from '@switchboard/shared';

export type InboxViewName = 'mine' | 'queues' | 'all' | 'snoozed' | 'resolved';
export type InboxSortName = 'priority' | 'sla' | 'window' | 'recent' | 'waiting';
export type InboxQuery = {
  view: InboxViewName;
  sort: InboxSortName;
  search?: string | undefined;
  label?: string | undefined;
  /** The signed-in user, for `mine`. */
  userId: string | null;
  /** ISO time deciding what is snoozed and which windows are still open. */
  now: string;
};
export type InboxRow = ConversationDTO & { unreadCount: number; pendingReplies: number; failedReplies: number };

const NOT_SNOOZED = '(snoozedUntil IS NULL OR snoozedUntil <= @now)';
const VIEWS: Record<InboxViewName, string> = {
  mine: `assigneeId = @me AND status = 'open' AND ${NOT_SNOOZED}`,
  queues: "status = 'open' AND routingState = 'waiting' AND assigneeId IS NULL",
  all: "status = 'open'",
  snoozed: "status = 'open' AND snoozedUntil > @now",
  resolved: "status = 'resolved'",
};
const SORTS: Record<InboxSortName, string> = {
  priority: 'priorityRank DESC, slaDueAt IS NULL, slaDueAt, lastMessageAt DESC',
  sla: 'slaDueAt IS NULL, slaDueAt, priorityRank DESC',
  // Windows about to close first; closed or never-opened ones after every open one.
  window: '(windowExpiresAt IS NULL OR windowExpiresAt <= @now), windowExpiresAt IS NULL, windowExpiresAt',
  recent: 'lastMessageAt IS NULL, lastMessageAt DESC',
  waiting: 'waitingSince IS NULL, waitingSince',
};

/** Inbound messages after the later of the read mark and the agent's last reply: answering is reading. */
const UNREAD = `(SELECT COUNT(*) FROM messages m WHERE m.conversationId = c.id AND m.direction = 'inbound' AND m.sentAt > MAX(
  COALESCE(r.readUpTo, ''),
  COALESCE((SELECT MAX(o.sentAt) FROM messages o WHERE o.conversationId = c.id AND o.direction = 'outbound'), '')))`;
const PENDING = "(SELECT COUNT(*) FROM outbox x WHERE x.conversationId = c.id AND x.state = 'pending')";
/**
 * Replies that did not go and that nobody dealt with yet: those the server refused (still in the outbox) and
 * those WhatsApp did not deliver, until the agent sends them again or discards them.
 */
const FAILED = `((SELECT COUNT(*) FROM outbox x WHERE x.conversationId = c.id AND x.state = 'failed')
  + (SELECT COUNT(*) FROM messages f WHERE f.conversationId = c.id AND f.direction = 'outbound'
      AND json_extract(f.json, '$.status') IN ('failed', 'dead')
      AND NOT EXISTS (SELECT 1 FROM dismissed_failures d WHERE d.messageId = f.id)))`;

/** Failed messages count only in open conversations: resolving one leaves its failures behind. */
const FAILED_IN_OPEN = `(SELECT COUNT(*) FROM conversations c JOIN messages f ON f.conversationId = c.id
  WHERE c.status = 'open' AND f.direction = 'outbound' AND json_extract(f.json, '$.status') IN ('failed', 'dead')
    AND NOT EXISTS (SELECT 1 FROM dismissed_failures d WHERE d.messageId = f.id))`;

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The inbox list's views, sorts and search, all done in SQL over the cached conversations. */
export function inboxViewStore(db: Database) {
  const markRead = db.prepare(`
    INSERT INTO read_marks (conversationId, readUpTo)
    VALUES (@id, COALESCE((SELECT MAX(sentAt) FROM messages WHERE conversationId = @id), ''))
    ON CONFLICT (conversationId) DO UPDATE SET readUpTo = excluded.readUpTo WHERE excluded.readUpTo > readUpTo`);
  const replyCounts = db.prepare<[], { pending: number; failed: number }>(`
    SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS pending,
      (SELECT COUNT(*) FROM outbox WHERE state = 'failed') + ${FAILED_IN_OPEN} AS failed`);
  const one = db.prepare<[string], { json: string }>(
    'SELECT json FROM conversations WHERE id = ? AND json IS NOT NULL',
  );
  const ofContact = db.prepare<[string], { json: string }>(
    "SELECT json FROM conversations WHERE contactId = ? AND json IS NOT NULL ORDER BY json_extract(json, '$.openedAt') DESC, id",
  );

  return {
    listInbox(query: InboxQuery): InboxRow[] {
      const where = ['c.json IS NOT NULL', VIEWS[query.view]];
      const params: Record<string, string> = { now: query.now, me: query.userId ?? '' };
      const search = query.search?.trim();
      if (search) {
        params.search = escapeLike(search);
        where.push(`(json_extract(c.json, '$.contact.name') LIKE @search ESCAPE '\\'
          OR json_extract(c.json, '$.contact.profileName') LIKE @search ESCAPE '\\'
          OR json_extract(c.json, '$.contact.waId') LIKE @search ESCAPE '\\'
          OR json_extract(c.json, '$.lastMessagePreview') LIKE @search ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM json_each(c.json, '$.labels') WHERE value LIKE @search ESCAPE '\\'))`);
      }
      if (query.label) {
        params.label = query.label;
        where.push("EXISTS (SELECT 1 FROM json_each(c.json, '$.labels') WHERE value = @label)");
      }
      const rows = db
        .prepare<[Record<string, string>], Omit<InboxRow, keyof ConversationDTO> & { json: string }>(
          `SELECT c.json, ${UNREAD} AS unreadCount, ${PENDING} AS pendingReplies, ${FAILED} AS failedReplies
           FROM conversations c LEFT JOIN read_marks r ON r.conversationId = c.id
           WHERE ${where.join(' AND ')} ORDER BY ${SORTS[query.sort]}, c.id`,
        )
        .all(params);
      return rows.map((r) => ({
        ...(JSON.parse(r.json) as ConversationDTO),
        unreadCount: r.unreadCount,
        pendingReplies: r.pendingReplies,
        failedReplies: r.failedReplies,
      }));
    },

    /** The replies of every conversation that have not gone, for the one line that says whether all were sent. */
    replyCounts(): { pending: number; failed: number } {
      return replyCounts.get()!;
    },

    getConversation(id: string): ConversationDTO | null {
      const row = one.get(id);
      return row ? (JSON.parse(row.json) as ConversationDTO) : null;
    },

    /** Everything up to the newest cached message counts as seen; a mark never moves back. True when it moved. */
    markRead(conversationId: string): boolean {
      return markRead.run({ id: conversationId }).changes > 0;
    },

    contactHistory(contactId: string): ConversationDTO[] {
      return ofContact.all(contactId).map((r) => JSON.parse(r.json) as ConversationDTO);
    },
  };
}
