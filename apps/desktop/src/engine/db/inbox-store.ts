import type { Database } from 'better-sqlite3';
import {
  laterCopyOf,
  type ConversationDTO,
  type ConversationEventDTO,
  type MessageDTO,
  type TimelineEntryDTO,
} from '@switchboard/shared';

export type ApplyResult = 'applied' | 'duplicate' | 'gap';
export type ConversationSort = 'recent' | 'oldest';
export type ListConversationsOptions = { sort?: ConversationSort; search?: string };

/** Conversations, messages and their sequence numbers: the SQL behind the cache's inbox methods. */
export function inboxStore(
  db: Database,
  saveTimelineEntry: (conversationId: string, seq: number, at: string, entry: TimelineEntryDTO) => void,
) {
  const seqOf = db.prepare<[string], { seq: number; known: number }>(
    'SELECT seq, json IS NOT NULL AS known FROM conversations WHERE id = ?',
  );
  const saveConversation = db.prepare(`
    INSERT INTO conversations (id, json, seq, lastMessageAt) VALUES (@id, @json, @seq, @lastMessageAt)
    ON CONFLICT (id) DO UPDATE SET json = excluded.json, seq = excluded.seq, lastMessageAt = excluded.lastMessageAt`);
  // The cached conversation's own seq follows too: ConversationDTO.seq is the newest number of its log, which
  // a message or timeline change moves without a conversation:updated after it (triage's timeline entry).
  const advanceSeq = db.prepare(`
    INSERT INTO conversations (id, seq) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq,
      json = CASE WHEN json IS NULL THEN NULL ELSE json_set(json, '$.seq', excluded.seq) END`);
  const saveMessage = db.prepare(`
    INSERT INTO messages (id, conversationId, sentAt, json) VALUES (@id, @conversationId, @sentAt, @json)
    ON CONFLICT (id) DO UPDATE SET json = excluded.json, sentAt = excluded.sentAt`);
  const messageJson = db.prepare<[string], { json: string }>('SELECT json FROM messages WHERE id = ?');
  const addMessage = db.prepare(`
    INSERT INTO messages (id, conversationId, sentAt, json) VALUES (@id, @conversationId, @sentAt, @json)
    ON CONFLICT (id) DO NOTHING`);

  const conversationRow = (c: ConversationDTO, seq: number) => ({
    id: c.id,
    json: JSON.stringify(c),
    seq,
    lastMessageAt: c.lastMessageAt,
  });
  const messageRow = (m: MessageDTO) => ({
    id: m.id,
    conversationId: m.conversationId,
    sentAt: m.sentAt,
    json: JSON.stringify(m),
  });

  /** A copy of a message is stored unless it shows an earlier step than the cached one (a stale snapshot). */
  const storeMessage = (m: MessageDTO) => {
    const cached = messageJson.get(m.id);
    saveMessage.run(messageRow(laterCopyOf(cached ? (JSON.parse(cached.json) as MessageDTO) : null, m)));
  };

  return {
    seqOf(conversationId: string): number {
      return seqOf.get(conversationId)?.seq ?? 0;
    },

    seqs(): Map<string, number> {
      const rows = db.prepare<[], { id: string; seq: number }>('SELECT id, seq FROM conversations').all();
      return new Map(rows.map((r) => [r.id, r.seq]));
    },

    /**
     * Takes a REST snapshot only when it is newer than what is cached: a snapshot read before a live event
     * that was already applied must not move the conversation back.
     */
    upsertConversation: db.transaction((conversation: ConversationDTO, messages: MessageDTO[]): boolean => {
      const cached = seqOf.get(conversation.id);
      if (cached && (cached.seq > conversation.seq || (cached.seq === conversation.seq && cached.known))) return false;
      saveConversation.run(conversationRow(conversation, conversation.seq));
      for (const message of messages) storeMessage(message);
      return true;
    }),

    /** Events are applied strictly in sequence: anything else is a repeat or a sign that one was missed. */
    applyEvent: db.transaction((event: ConversationEventDTO): ApplyResult => {
      const last = seqOf.get(event.conversationId)?.seq ?? 0;
      if (event.seq <= last) return 'duplicate';
      if (event.seq !== last + 1) return 'gap';
      switch (event.type) {
        case 'message:created':
        case 'message:status-updated':
          storeMessage(event.data);
          advanceSeq.run(event.conversationId, event.seq);
          break;
        case 'conversation:updated':
          saveConversation.run(conversationRow(event.data, event.seq));
          break;
        case 'timeline:added':
          saveTimelineEntry(event.conversationId, event.seq, event.at, event.data);
          advanceSeq.run(event.conversationId, event.seq);
          break;
      }
      return 'applied';
    }),

    /** A message the server acknowledged to us directly; the change log stays the authority over its status. */
    addMessage(message: MessageDTO) {
      addMessage.run(messageRow(message));
    },

    listConversations({ sort = 'recent', search }: ListConversationsOptions = {}): ConversationDTO[] {
      const order = sort === 'recent' ? 'DESC' : 'ASC';
      const where = ['json IS NOT NULL'];
      const params: string[] = [];
      if (search?.trim()) {
        const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(
          `(${['$.contact.name', '$.contact.profileName', '$.contact.waId', '$.lastMessagePreview']
            .map((path) => `json_extract(json, '${path}') LIKE ? ESCAPE '\\'`)
            .join(' OR ')})`,
        );
        params.push(pattern, pattern, pattern, pattern);
      }
      const rows = db
        .prepare<string[], { json: string }>(
          `SELECT json FROM conversations WHERE ${where.join(' AND ')} ORDER BY lastMessageAt IS NULL, lastMessageAt ${order}, id`,
        )
        .all(...params);
      return rows.map((r) => JSON.parse(r.json) as ConversationDTO);
    },

    /** Oldest first, messages of one second as they arrived: the server's own order, so the cache shows no other. */
    listMessages(conversationId: string): MessageDTO[] {
      const rows = db
        .prepare<[string], { json: string }>(
          `SELECT json FROM messages WHERE conversationId = ? ORDER BY sentAt, json_extract(json, '$.createdAt'), id`,
        )
        .all(conversationId);
      return rows.map((r) => JSON.parse(r.json) as MessageDTO);
    },
  };
}
