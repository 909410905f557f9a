import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fixtures.js';
import { migrate } from '../migrate.js';
import { DEFAULT_CANNED_REPLIES } from './003-inbox-views.js';
import { MIGRATIONS } from './index.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('migration 003-inbox-views', () => {
  it("applies on version 2's database: cached conversations gain their sortable columns, replies stay", () => {
    const file = dir.file();
    const v2 = new Database(file);
    migrate(v2, MIGRATIONS, 2);
    const json = JSON.stringify({
      status: 'open',
      assigneeId: 'u1',
      priority: 'urgent',
      sla: { dueAt: '2026-01-01T10:00:00.000Z' },
      contact: { id: 'k1' },
    });
    v2.prepare("INSERT INTO conversations (id, json, seq) VALUES ('c1', ?, 3)").run(json);
    v2.prepare("INSERT INTO conversations (id, seq) VALUES ('c2', 1)").run();
    v2.prepare(
      "INSERT INTO messages (id, conversationId, sentAt, json) VALUES ('m1', 'c1', '2026-01-01', '{\"direction\":\"inbound\"}')",
    ).run();
    v2.prepare(
      "INSERT INTO outbox (clientMessageId, conversationId, json, state, createdAt) VALUES ('r1', 'c1', '{}', 'pending', '2026-01-01')",
    ).run();
    v2.close();

    const db = new Database(file);
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
    expect(
      db
        .prepare('SELECT id, status, assigneeId, priorityRank, slaDueAt, contactId, seq FROM conversations ORDER BY id')
        .all(),
    ).toEqual([
      {
        id: 'c1',
        status: 'open',
        assigneeId: 'u1',
        priorityRank: 3,
        slaDueAt: '2026-01-01T10:00:00.000Z',
        contactId: 'k1',
        seq: 3,
      },
      { id: 'c2', status: null, assigneeId: null, priorityRank: 0, slaDueAt: null, contactId: null, seq: 1 },
    ]);
    expect(db.prepare('SELECT direction FROM messages').get()).toEqual({ direction: 'inbound' });
    expect(db.prepare('SELECT state FROM outbox').get()).toEqual({ state: 'pending' });
    db.close();
  });

  it('seeds the default canned replies once, with unique shortcuts', () => {
    const db = new Database(dir.file());
    // As this step left them (the next one replaces them with the server's).
    migrate(db, MIGRATIONS, 3);
    migrate(db, MIGRATIONS, 3);
    expect(db.prepare('SELECT shortcut FROM canned_replies ORDER BY position').all()).toEqual(
      DEFAULT_CANNED_REPLIES.map((r) => ({ shortcut: r.shortcut })),
    );
    expect(() => db.prepare("INSERT INTO canned_replies VALUES ('x', '/hi', 't', 't', 9)").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it("then drops the seeded replies for the server's, where one shortcut may name several", () => {
    const db = new Database(dir.file());
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT COUNT(*) AS n FROM canned_replies').get()).toEqual({ n: 0 });
    const insert = db.prepare('INSERT INTO canned_replies VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('a', 'shared', 'en', 'thanks', 'Thanks', 'Thank you!', 0);
    insert.run('b', 'shared', 'es', 'thanks', 'Gracias', '¡Gracias!', 1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM canned_replies').get()).toEqual({ n: 2 });
    db.close();
  });
});
