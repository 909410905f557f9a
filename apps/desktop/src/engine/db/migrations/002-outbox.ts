import type { Migration } from './migration.js';

/** Replies written by the agent, kept until the server has acknowledged them, so none is lost offline. */
export const outbox: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        -- The idempotency key sent with every try: the server stores one message per key.
        clientMessageId TEXT PRIMARY KEY,
        conversationId TEXT NOT NULL,
        json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        lastError TEXT,
        createdAt TEXT NOT NULL
      );
      CREATE INDEX outbox_by_state ON outbox (state, createdAt);
    `);
  },
};
