import type { Database } from 'better-sqlite3';
import type { ErrorBody, ErrorIssue, MessageDTO, SendMessageRequest } from '@switchboard/shared';

export type OutboxState = 'pending' | 'sent' | 'failed' | 'discarded';
/** A file reply: its file waits in the outbox's folder until it is uploaded, then goes out as a media reply. */
export type FileReplyRequest = {
  type: 'file';
  file: { id: string; filename: string; mimeType: string; size: number };
  caption?: string;
};
export type OutboxRequest = SendMessageRequest | FileReplyRequest;
export type OutboxEntry = {
  clientMessageId: string;
  conversationId: string;
  request: OutboxRequest;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** The server's code for a refusal (`TEMPLATE_PARAMETERS_INVALID`…), and the fields it named. */
  errorCode: string | null;
  errorIssues: ErrorIssue[];
  createdAt: string;
};
type OutboxRow = Omit<OutboxEntry, 'request' | 'errorIssues'> & { json: string; errorIssues: string | null };

const toEntry = ({ json, errorIssues, ...row }: OutboxRow): OutboxEntry => ({
  ...row,
  request: JSON.parse(json) as OutboxRequest,
  errorIssues: errorIssues ? (JSON.parse(errorIssues) as ErrorIssue[]) : [],
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
  const fail = db.prepare(`
    UPDATE outbox SET state = 'failed', lastError = ?, errorCode = ?, errorIssues = ?
    WHERE clientMessageId = ? AND state = 'pending'`);
  const fromFailed = db.prepare(`
    UPDATE outbox SET state = ?, lastError = NULL, errorCode = NULL, errorIssues = NULL
    WHERE clientMessageId = ? AND state = 'failed'`);
  const dismiss = db.prepare(
    'INSERT INTO dismissed_failures (messageId, conversationId, dismissedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );

  const get = (clientMessageId: string): OutboxEntry => {
    const row = one.get(clientMessageId);
    if (!row) throw new Error(`no outbox entry ${clientMessageId}`);
    return toEntry(row);
  };
  const enqueue = (clientMessageId: string, conversationId: string, request: OutboxRequest): OutboxEntry => {
    insert.run(clientMessageId, conversationId, JSON.stringify(request), new Date().toISOString());
    return get(clientMessageId);
  };
  /** Moves a failed reply on (back to pending, or discarded); refuses one that is not failed. */
  const leaveFailed = (clientMessageId: string, state: 'pending' | 'discarded'): OutboxEntry => {
    if (fromFailed.run(state, clientMessageId).changes === 0)
      throw new Error(`reply ${clientMessageId} has not failed (${get(clientMessageId).state})`);
    return get(clientMessageId);
  };

  return {
    enqueueOutbox: enqueue,

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

    markOutboxFailed(clientMessageId: string, error: ErrorBody): OutboxEntry {
      const issues = error.issues?.length ? JSON.stringify(error.issues) : null;
      fail.run(error.message, error.code, issues, clientMessageId);
      return get(clientMessageId);
    },

    /** A failed reply goes back to pending, with the same clientMessageId: the server stored nothing of it. */
    retryOutbox: (clientMessageId: string) => leaveFailed(clientMessageId, 'pending'),

    discardOutbox: (clientMessageId: string) => leaveFailed(clientMessageId, 'discarded'),

    /** An edited failed reply: the old one discarded and the new one queued, both or neither. */
    replaceOutbox: db.transaction(
      (failedId: string, clientMessageId: string, request: SendMessageRequest): [OutboxEntry, OutboxEntry] => {
        const discarded = leaveFailed(failedId, 'discarded');
        return [discarded, enqueue(clientMessageId, discarded.conversationId, request)];
      },
    ),

    /** A failed message of the server's the agent dealt with; `then` (a reply sending it again) goes in with it. */
    dismissFailure: db.transaction(
      (
        conversationId: string,
        messageId: string,
        then?: { clientMessageId: string; request: SendMessageRequest },
      ): OutboxEntry | null => {
        dismiss.run(messageId, conversationId, new Date().toISOString());
        return then ? enqueue(then.clientMessageId, conversationId, then.request) : null;
      },
    ),

    /** The files replies still need: those of pending and failed file replies. */
    outboxFileIds(): string[] {
      return db
        .prepare<[], OutboxRow>("SELECT * FROM outbox WHERE state IN ('pending', 'failed')")
        .all()
        .map(toEntry)
        .flatMap((e) => (e.request.type === 'file' ? [e.request.file.id] : []));
    },

    listDismissedFailures(conversationId: string): string[] {
      return db
        .prepare<[string], { messageId: string }>('SELECT messageId FROM dismissed_failures WHERE conversationId = ?')
        .all(conversationId)
        .map((r) => r.messageId);
    },
  };
}
