import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fixtures.js';
import { migrate, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const dir = tempDir();
afterAll(() => dir.remove());

const insertReply = (db: Database.Database, state: string) =>
  db
    .prepare(
      "INSERT INTO outbox (clientMessageId, conversationId, json, state, createdAt) VALUES (?, 'c1', '{}', ?, '2026-01-01T00:00:00.000Z')",
    )
    .run(`id-${state}`, state);

describe('migration 002-outbox', () => {
  it('applies on an empty database (after 001, in one run)', () => {
    const db = new Database(dir.file());
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    insertReply(db, 'pending');
    expect(db.prepare('SELECT state, attempts, lastError FROM outbox').get()).toEqual({
      state: 'pending',
      attempts: 0,
      lastError: null,
    });
    db.close();
  });

  it("applies on version 1's database and keeps what it holds", () => {
    const file = dir.file();
    const v1 = new Database(file);
    migrate(v1, MIGRATIONS, 1);
    v1.prepare("INSERT INTO conversations (id, json, seq) VALUES ('c1', '{}', 7)").run();
    v1.prepare("INSERT INTO messages (id, conversationId, sentAt, json) VALUES ('m1', 'c1', '2026-01-01', '{}')").run();
    v1.close();

    const db = new Database(file);
    expect(schemaVersion(db)).toBe(1);
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    expect(db.prepare('SELECT id, seq FROM conversations').all()).toEqual([{ id: 'c1', seq: 7 }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 1 });
    insertReply(db, 'sent');
    expect(() => insertReply(db, 'lost')).toThrow(/CHECK constraint/);
    db.close();
  });
});
