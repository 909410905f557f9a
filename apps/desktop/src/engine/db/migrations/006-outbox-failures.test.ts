import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fixtures.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const dir = tempDir();
afterAll(() => dir.remove());

const insertReply = (db: Database.Database, id: string, state: string) =>
  db
    .prepare(
      "INSERT INTO outbox (clientMessageId, conversationId, json, state, createdAt) VALUES (?, 'c1', '{}', ?, '2026-01-01T00:00:00.000Z')",
    )
    .run(id, state);

describe('migration 006-outbox-failures', () => {
  it('upgrades a version-5 cache keeping every reply, and takes discarded replies and the refusal’s details', () => {
    const file = dir.file();
    const v5 = new Database(file);
    expect(migrate(v5, MIGRATIONS, 5)).toBe(5);
    insertReply(v5, 'a', 'pending');
    v5.prepare(
      "INSERT INTO outbox (clientMessageId, conversationId, json, state, attempts, lastError, createdAt) VALUES ('b', 'c1', '{}', 'failed', 2, 'refused', '2026-01-02T00:00:00.000Z')",
    ).run();
    expect(() => insertReply(v5, 'c', 'discarded')).toThrow(/CHECK constraint/);
    v5.close();

    const db = new Database(file);
    expect(migrate(db, MIGRATIONS)).toBe(6);
    expect(db.prepare('SELECT clientMessageId, state, attempts, lastError, errorCode FROM outbox').all()).toEqual([
      { clientMessageId: 'a', state: 'pending', attempts: 0, lastError: null, errorCode: null },
      { clientMessageId: 'b', state: 'failed', attempts: 2, lastError: 'refused', errorCode: null },
    ]);
    insertReply(db, 'c', 'discarded');
    expect(() => insertReply(db, 'd', 'lost')).toThrow(/CHECK constraint/);
    db.prepare("INSERT INTO dismissed_failures VALUES ('m1', 'c1', '2026-01-03T00:00:00.000Z')").run();
    expect(() => db.prepare("INSERT INTO dismissed_failures VALUES ('m1', 'c1', 'x')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
