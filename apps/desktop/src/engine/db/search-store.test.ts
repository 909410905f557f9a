import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchQuery, type MessageDTO, type SearchHit } from '@switchboard/shared';
import { at, conversation, message } from '../test-support/dto-fixtures.js';
import { tempDir } from '../test-support/fixtures.js';
import { openCache } from './cache.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const dir = tempDir();
afterAll(() => dir.remove());

const says = (id: string, conversationId: string, minute: number, body: string): MessageDTO => ({
  ...message(id, conversationId, minute),
  content: { type: 'text', body },
});
const query = (input: Record<string, unknown>) => SearchQuery.parse(input);
const matched = (hit: SearchHit) => hit.snippet.filter((p) => p.match).map((p) => p.text);

describe('offline search of the cache', () => {
  it('finds cached messages without accents, highlighted, newest first, saying it is the device', async () => {
    const cache = await openCache(dir.file());
    try {
      await cache.upsertConversation(conversation('c1', 1), [
        says('m1', 'c1', 1, 'Necesito la factura de marzo'),
        says('m2', 'c1', 5, 'Otra fáctura pendiente'),
        says('m3', 'c1', 3, 'nada que ver'),
      ]);
      const result = await cache.searchCache(query({ q: 'factura' }));
      expect(result.source).toBe('device');
      const messages = result.hits.filter((h) => h.kind === 'message');
      expect(messages.map((h) => h.messageId)).toEqual(['m2', 'm1']);
      expect(matched(messages[1]!)).toEqual(['factura']);
      expect(messages[1]).toMatchObject({ conversationId: 'c1', at: at(1), direction: 'inbound' });
    } finally {
      await cache.close();
    }
  });

  it('applies the filters, pages, and finds contacts by part of the number', async () => {
    const cache = await openCache(dir.file());
    try {
      await cache.upsertConversation(conversation('open', 1, { labels: ['vip'] }), [
        says('a1', 'open', 1, 'pedido 1'),
        says('a2', 'open', 2, 'pedido 2'),
        says('a3', 'open', 3, 'pedido 3'),
      ]);
      await cache.upsertConversation(conversation('done', 1, { status: 'resolved' }), [
        says('b1', 'done', 4, 'pedido 4'),
      ]);
      const resolved = await cache.searchCache(query({ q: 'pedido', status: 'resolved' }));
      expect(resolved.hits.filter((h) => h.kind === 'message').map((h) => h.messageId)).toEqual(['b1']);
      const vip = await cache.searchCache(query({ q: 'pedido', label: 'vip', limit: 2 }));
      expect(vip.hits.filter((h) => h.kind === 'message').map((h) => h.messageId)).toEqual(['a3', 'a2']);
      const next = await cache.searchCache(query({ q: 'pedido', label: 'vip', limit: 2, cursor: vip.nextCursor }));
      expect(next.hits.map((h) => h.messageId)).toEqual(['a1']);
      expect(next.nextCursor).toBeNull();
      const early = await cache.searchCache(query({ q: 'pedido', from: at(2), to: at(4) }));
      expect(early.hits.filter((h) => h.kind === 'message').map((h) => h.messageId)).toEqual(['a3', 'a2']);
      const byNumber = await cache.searchCache(query({ q: '1900000' }));
      expect(byNumber.hits[0]).toMatchObject({ kind: 'contact', field: 'number' });
      expect(matched(byNumber.hits[0]!)).toEqual(['1900000']);
    } finally {
      await cache.close();
    }
  });

  it('indexes messages a version-3 cache already held when it is upgraded', () => {
    const file = dir.file();
    const v3 = new Database(file);
    migrate(v3, MIGRATIONS, 3);
    v3.prepare("INSERT INTO conversations (id, json, seq) VALUES ('c1', ?, 1)").run(
      JSON.stringify(conversation('c1', 1)),
    );
    v3.prepare("INSERT INTO messages (id, conversationId, sentAt, json) VALUES ('m1', 'c1', ?, ?)").run(
      at(1),
      JSON.stringify(says('m1', 'c1', 1, 'reembolso del pedido')),
    );
    v3.close();
    const db = new Database(file);
    try {
      expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
      expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'reembolso'").all()).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
