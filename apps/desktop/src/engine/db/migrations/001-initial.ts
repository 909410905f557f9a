import type { Migration } from './migration.js';

/**
 * The inbox cache. DTOs are kept whole as JSON (the server's contract is the schema); only what the cache
 * sorts, filters or checks gets a column of its own.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        -- NULL until the conversation itself is known: a message event can arrive before its conversation's.
        json TEXT,
        -- The last event of this conversation's change log applied here; the next one must be seq + 1.
        seq INTEGER NOT NULL DEFAULT 0,
        lastMessageAt TEXT
      );
      CREATE INDEX conversations_by_last_message ON conversations (lastMessageAt);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversationId TEXT NOT NULL,
        sentAt TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX messages_by_conversation ON messages (conversationId, sentAt);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
