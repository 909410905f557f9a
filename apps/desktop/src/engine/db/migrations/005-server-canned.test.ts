import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fixtures.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('migration 005-server-canned', () => {
  it("upgrades a version-4 cache: the seeded replies go for the server's, searched messages stay indexed", () => {
    const file = dir.file();
    const v4 = new Database(file);
    expect(migrate(v4, MIGRATIONS, 4)).toBe(4);
    v4.prepare(
      'INSERT INTO messages (id, conversationId, sentAt, json) VALUES (\'m1\', \'c1\', \'2026-01-01\', \'{"direction":"inbound","content":{"body":"parcel delayed"}}\')',
    ).run();
    expect(v4.prepare('SELECT COUNT(*) AS n FROM canned_replies').get()).not.toEqual({ n: 0 });
    v4.close();

    const db = new Database(file);
    expect(migrate(db, MIGRATIONS, 5)).toBe(5);
    expect(db.prepare('SELECT COUNT(*) AS n FROM canned_replies').get()).toEqual({ n: 0 });
    db.prepare('INSERT INTO canned_replies VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'a',
      'shared',
      'en',
      'thanks',
      'T',
      'x',
      0,
    );
    db.prepare('INSERT INTO canned_replies VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'b',
      'shared',
      'es',
      'thanks',
      'G',
      'y',
      1,
    );
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'parcel'").all()).toHaveLength(1);
    expect(db.prepare('SELECT version, name FROM schema_version ORDER BY version DESC LIMIT 2').all()).toEqual([
      { version: 5, name: 'server-canned-replies' },
      { version: 4, name: 'search' },
    ]);
    db.close();
  });
});
