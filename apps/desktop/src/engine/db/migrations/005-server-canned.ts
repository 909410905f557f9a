import type { Migration } from './migration.js';

/**
 * Canned replies now come from the server: shared and personal ones, each in a language, so one shortcut may
 * name several replies (`/thanks` in English and in Spanish, or an agent's own beside the team's). The seeded
 * defaults go; the first fetch fills the table.
 */
export const serverCanned: Migration = {
  version: 5,
  name: 'server-canned-replies',
  up(db) {
    db.exec(`
      DROP TABLE canned_replies;
      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL,
        language TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL
      );
    `);
  },
};
