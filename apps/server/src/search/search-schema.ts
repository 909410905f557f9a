import type { Database } from 'better-sqlite3';

/** Bumped when the tables change: an index file of another version is emptied and rebuilt from the database. */
export const SCHEMA_VERSION = 2;

/**
 * The search index's tables. Messages are numbered by time (`rowid` = sent-at milliseconds × 1024 + a slot),
 * so "newest first", a date range and the next page are all ranges of FTS5's own rowids: a search walks
 * matches from the newest and stops once a page is full, however many messages match in all.
 */
const DDL = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE contacts (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    wa_id TEXT,
    email TEXT
  );
  CREATE TABLE conversations (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    contact_rowid INTEGER,
    channel_id TEXT NOT NULL,
    queue_id TEXT,
    assignee_id TEXT,
    status TEXT NOT NULL,
    -- '|refund|vip|': a label filter is one instr() on the row the join already reads.
    labels TEXT NOT NULL DEFAULT '|',
    last_message_at INTEGER,
    -- The seq of the conversation state indexed: an older state arriving late is ignored.
    state_seq INTEGER NOT NULL DEFAULT -1
  );
  CREATE INDEX conversations_by_contact ON conversations (contact_rowid, last_message_at);
  CREATE TABLE messages (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    conversation_rowid INTEGER NOT NULL,
    direction TEXT NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_rowid);
  -- Words: accents folded (factura = fáctura, não = nao), prefixes of 2 and 3 letters indexed for typing.
  CREATE VIRTUAL TABLE messages_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
  -- Every word of four letters or more the messages hold, folded as messages_fts folds it: a longer prefix
  -- being typed becomes the words it starts (a range of this key), which FTS5 walks newest first.
  CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE VIRTUAL TABLE labels_fts USING fts5(labels, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
  -- Trigrams find any part of a name, number or email ("4411" in "+52 55 1234 4411").
  CREATE VIRTUAL TABLE contacts_fts USING fts5(name, number, email, tokenize = 'trigram remove_diacritics 1');
`;

/**
 * Opens the tables at this version; returns true when they were (re)created empty and need a rebuild. Taken
 * under the write lock, so two processes opening one new file create its tables once.
 */
export function migrate(db: Database): boolean {
  return db
    .transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) === SCHEMA_VERSION) return false;
      // A virtual table's DROP takes its shadow tables with it, so only the tables we created are named.
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*'",
        )
        .all();
      for (const { name } of tables) db.exec(`DROP TABLE IF EXISTS "${name}"`);
      db.exec(DDL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return true;
    })
    .immediate();
}
