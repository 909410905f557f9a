import type { Migration } from './migration.js';

/**
 * A refused reply keeps the server's whole answer (its code and the fields it named, beside the message), so
 * the inbox can show the reason and reopen a template with the failing parameters marked. The agent may now
 * discard a failed reply, kept as `discarded` rather than deleted so its history stays; the CHECK constraint
 * can only change by rebuilding the table. `dismissed_failures` holds the server's failed messages the agent
 * dealt with (sent again, or discarded), so they stop offering their actions.
 */
export const outboxFailures: Migration = {
  version: 6,
  name: 'outbox-failures',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_next (
        clientMessageId TEXT PRIMARY KEY,
        conversationId TEXT NOT NULL,
        json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        lastError TEXT,
        errorCode TEXT,
        -- The issues of the refusal, as JSON: [{ path, message, reason? }].
        errorIssues TEXT,
        createdAt TEXT NOT NULL
      );
      INSERT INTO outbox_next (clientMessageId, conversationId, json, state, attempts, lastError, createdAt)
        SELECT clientMessageId, conversationId, json, state, attempts, lastError, createdAt FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_by_state ON outbox (state, createdAt);

      CREATE TABLE dismissed_failures (
        messageId TEXT PRIMARY KEY,
        conversationId TEXT NOT NULL,
        dismissedAt TEXT NOT NULL
      );
      CREATE INDEX dismissed_failures_by_conversation ON dismissed_failures (conversationId);
    `);
  },
};
