import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fixtures.js';
import { migrate, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const dir = tempDir();
afterAll(() => dir.remove());

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );

describe('migration 001-initial', () => {
  it('applies on an empty database and records version 1', () => {
    const db = new Database(dir.file());
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(tables(db)).toEqual(['conversations', 'messages', 'meta', 'schema_version']);
    expect(db.prepare('SELECT version, name FROM schema_version').all()).toEqual([{ version: 1, name: 'initial' }]);
    db.prepare("INSERT INTO conversations (id) VALUES ('c1')").run();
    expect(db.prepare('SELECT json, seq FROM conversations').get()).toEqual({ json: null, seq: 0 });
    db.close();
  });

  it('is not applied twice: running migrations again on version 1 changes nothing', () => {
    const file = dir.file();
    const db = new Database(file);
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('token', 'abc')").run();
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT value FROM meta').get()).toEqual({ value: 'abc' });
    db.close();
  });

  it('refuses a database written by a newer app', () => {
    const db = new Database(dir.file());
    migrate(db, MIGRATIONS);
    expect(() => migrate(db, MIGRATIONS.slice(0, 1))).toThrow(/newer than this app knows/);
    db.close();
  });
});
