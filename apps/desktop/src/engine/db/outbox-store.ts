import type { Database } from 'better-sqlite3';
import type { MessageDTO, SendMessageRequest } from '@switchboard/shared';

export type OutboxState = 'pending' | 'sent' | 'failed';
export type OutboxEntry = {
  clientMessageId: string;
  conversationId: string;
  request: SendMessageRequest;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
};
type OutboxRow = Omit<OutboxEntry, 'request'> & { json: string };

const toEntry = ({ json, ...row }: OutboxRow): OutboxEntry => ({
  ...row,
  request: JSON.parse(json) as SendMessageRequest,
});

/** The SQL behind the cache's outbox methods. */
export function outboxStore(db: Database, addMessage: (message: MessageDTO) => void) {
  const insert = db.prepare(`
    INSERT INTO outbox (clientMessageId, conversationId, json, state, attempts, lastError, createdAt)
    VALUES (?, ?, ?, 'pending', 0, NULL, ?)`);
  const one = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE clientMessageId = ?');
  const setState = db.prepare(
    "UPDATE outbox SET state = ?, lastError = ? WHERE clientMessageId = ? AND state = 'pending'",
  );

  const get = (clientMessageId: string): OutboxEntry => {
    const row = one.get(clientMessageId);
    if (!row) throw new Error(`no outbox entry ${clientMessageId}`);
    return toEntry(row);
  };

  return {
    enqueueOutbox(clientMessageId: string, conversationId: string, request: SendMessageRequest): OutboxEntry {
      insert.run(clientMessageId, conversationId, JSON.stringify(request), new Date().toISOString());
      return get(clientMessageId);
    },

    /** Oldest first: replies reach the customer in the order the agent wrote them. */
    listPendingOutbox(): OutboxEntry[] {
      return db
        .prepare<[], OutboxRow>("SELECT * FROM outbox WHERE state = 'pending' ORDER BY createdAt, rowid")
        .all()
        .map(toEntry);
    },

    listOutbox(conversationId: string): OutboxEntry[] {
      return db
        .prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE conversationId = ? ORDER BY createdAt, rowid')
        .all(conversationId)
        .map(toEntry);
    },

    recordOutboxAttempt(clientMessageId: string): void {
      db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE clientMessageId = ?').run(clientMessageId);
    },

    /** The acknowledged message is stored with the state change, so the reply never shows twice or not at all. */
    markOutboxSent: db.transaction((clientMessageId: string, message: MessageDTO): OutboxEntry => {
      setState.run('sent', null, clientMessageId);
      addMessage(message);
      return get(clientMessageId);
    }),

    markOutboxFailed(clientMessageId: string, error: string): OutboxEntry {
      setState.run('failed', error, clientMessageId);
      return get(clientMessageId);
    },
  };
}
