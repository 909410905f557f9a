import type { Migration } from './migration.js';

/** The words of a cached message (its JSON), as the server's index reads them: text, captions, file names, buttons. */
const WORDS = `trim(
  coalesce(json_extract(NEW.json, '$.content.body'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.caption'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.filename'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.text'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.title'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.renderedText'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.header'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.name'), '') || ' ' ||
  coalesce(json_extract(NEW.json, '$.content.address'), ''))`;

/**
 * Offline search: an FTS5 index of the cached messages, kept by triggers so every way a message reaches the
 * cache (sync, push, a sent reply) indexes it, and filled from what is cached already.
 */
export const search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE messages_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, text) VALUES (NEW.rowid, ${WORDS});
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF json ON messages BEGIN
        DELETE FROM messages_fts WHERE rowid = OLD.rowid;
        INSERT INTO messages_fts (rowid, text) VALUES (NEW.rowid, ${WORDS});
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM messages_fts WHERE rowid = OLD.rowid;
      END;
      INSERT INTO messages_fts (rowid, text) SELECT rowid, ${WORDS.replaceAll('NEW.', 'messages.')} FROM messages;
    `);
  },
};
