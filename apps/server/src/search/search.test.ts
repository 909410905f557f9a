import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ApiErrorResponse, SearchHit, SearchResult } from '@switchboard/shared';
import { actionKit } from '@switchboard/test-support/action-kit';
import { eventually, startPeerApp, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { createLogger } from '../lib/logger.js';
import { SearchCatchUp } from './search-catch-up.js';
import { SearchIndex } from './search-index.js';
import { SearchService } from './search.service.js';

let server: TestServer;
let admin: string;
let kit: ReturnType<typeof actionKit>;
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** The conversations the tests search, each id by the customer's number. */
const ids: Record<string, string> = {};

async function customerWrote(waId: string, name: string, messages: { body: string; at: Date }[]): Promise<string> {
  await server.deliver(
    envelope({ messages: messages.map((m) => inbound.text({ from: waId, name, body: m.body, timestamp: m.at })) }),
  );
  const contact = await server.app.models.Contact.findOne({ waId }).orFail();
  return (await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail()).id;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  kit = actionKit(server);
  ids.lucia = await customerWrote('5215540000001', 'Lucía Fernández', [
    { body: 'Hola, necesito la factura de marzo para mi empresa', at: daysAgo(40) },
    { body: 'Gracias, ya la tengo', at: daysAgo(39) },
  ]);
  ids.joao = await customerWrote('5511940000002', 'João Pereira', [
    { body: 'Não recebi o reembolso do pedido 4411', at: daysAgo(3) },
  ]);
  ids.many = await customerWrote(
    '5215540000003',
    'Carlos Ruiz',
    Array.from({ length: 25 }, (_, i) => ({ body: `seguimiento del envío número ${i}`, at: daysAgo(2 - i / 100) })),
  );
  await server.api(admin, 'PUT', `/api/conversations/${ids.joao}/labels`, { labels: ['reembolso pendiente'] });
  await server.api(admin, 'POST', `/api/conversations/${ids.lucia}/resolve`);
  // The index is fed after each change: wait until it holds what the tests read.
  await eventually(async () => (await search(admin, { q: 'envío' })).body.hits.length > 0, 'the index to fill');
  await eventually(
    async () => (await search(admin, { q: 'reembolso' })).body.hits.some((h) => h.kind === 'label'),
    'the label to be indexed',
  );
}, 120_000);
afterAll(() => server.close());

function search(token: string, query: Record<string, string | number>) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return server.api<SearchResult & ApiErrorResponse>(token, 'GET', `/api/search?${params}`);
}

const text = (hit: SearchHit) => hit.snippet.map((p) => p.text).join('');
const matched = (hit: SearchHit) => hit.snippet.filter((p) => p.match).map((p) => p.text);

describe('search across history', () => {
  it('finds a word in an old message, highlighted, with the message to jump to', async () => {
    const { body } = await search(admin, { q: 'factura' });
    const hit = body.hits.find((h) => h.kind === 'message')!;
    expect(hit).toMatchObject({ conversationId: ids.lucia, direction: 'inbound', field: 'text' });
    expect(text(hit)).toContain('necesito la factura de marzo');
    expect(matched(hit)).toEqual(['factura']);
    const stored = await server.app.models.Message.findById(hit.messageId).orFail();
    expect(stored.conversationId.toHexString()).toBe(ids.lucia);
    expect(hit.contact).toMatchObject({ name: 'Lucía Fernández', waId: '5215540000001' });
  });

  it('matches without accents and by the start of a word', async () => {
    const plain = await search(admin, { q: 'nao recebi' });
    expect(plain.body.hits.map((h) => h.conversationId)).toContain(ids.joao);
    const prefix = await search(admin, { q: 'reemb' });
    expect(prefix.body.hits.filter((h) => h.kind === 'message').map((h) => h.conversationId)).toEqual([ids.joao]);
  });

  it("finds contacts by part of the name or number, and labels, opening the contact's conversation", async () => {
    const byNumber = await search(admin, { q: '0000002' });
    expect(byNumber.body.hits[0]).toMatchObject({ kind: 'contact', field: 'number', conversationId: ids.joao });
    expect(matched(byNumber.body.hits[0]!)).toEqual(['0000002']);
    const byName = await search(admin, { q: 'fernan' });
    expect(byName.body.hits[0]).toMatchObject({ kind: 'contact', field: 'name', conversationId: ids.lucia });
    const byLabel = await search(admin, { q: 'reembolso' });
    const label = byLabel.body.hits.find((h) => h.kind === 'label')!;
    expect(label).toMatchObject({ conversationId: ids.joao, messageId: null });
    expect(text(label)).toBe('reembolso pendiente');
  });

  it('filters by status, label and date range', async () => {
    const resolved = await search(admin, { q: 'factura', status: 'resolved' });
    expect(resolved.body.hits.map((h) => h.conversationId)).toContain(ids.lucia);
    expect((await search(admin, { q: 'factura', status: 'open' })).body.hits).toEqual([]);
    const labelled = await search(admin, { q: 'pedido', label: 'reembolso pendiente' });
    expect(labelled.body.hits.map((h) => h.conversationId)).toEqual([ids.joao]);
    const lastWeek = await search(admin, { q: 'factura', from: daysAgo(7).toISOString() });
    expect(lastWeek.body.hits.filter((h) => h.kind === 'message')).toEqual([]);
    const longAgo = await search(admin, {
      q: 'factura',
      from: daysAgo(41).toISOString(),
      to: daysAgo(38).toISOString(),
    });
    expect(longAgo.body.hits.filter((h) => h.kind === 'message')).toHaveLength(1);
  });

  it('pages through many hits newest first, each once', async () => {
    const seen: SearchHit[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: SearchResult } = await search(admin, {
        q: 'seguimiento',
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.body.hits);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((h) => h.messageId)).size).toBe(25);
    const times = seen.map((h) => Date.parse(h.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(text(seen[0]!)).toContain('número 24');
  });

  it('shows an agent only the conversations they may see', async () => {
    const agent = await server.userWith('agent');
    expect((await search(agent.token, { q: 'factura' })).body.hits).toEqual([]);
    await server.api(admin, 'POST', `/api/conversations/${ids.joao}/assign`, { userId: agent.id });
    await eventually(
      async () => (await search(agent.token, { q: 'reembolso' })).body.hits.length > 0,
      'the assignment to reach the index',
    );
    const hits = (await search(agent.token, { q: 'reembolso' })).body.hits;
    expect(new Set(hits.map((h) => h.conversationId))).toEqual(new Set([ids.joao]));
    expect((await search(agent.token, { q: 'factura' })).body.hits).toEqual([]);
  });

  it('refuses a query too short, naming the field, and reads FTS syntax as plain words', async () => {
    const short = await search(admin, { q: 'f' });
    expect(short.status).toBe(400);
    expect(kit.issuesOf(short.body)).toEqual([{ path: 'query.q', message: 'type at least 2 characters' }]);
    for (const q of ['factura" OR *', 'NEAR(a b)', 'text:factura', '""', '***']) {
      expect((await search(admin, { q })).status, q).toBe(200);
    }
  });

  it('another server process on the same database finds the same messages', async () => {
    const peer = await startPeerApp(server);
    try {
      const viewer = (await server.app.services.users.viewerFor(
        (await server.app.models.User.findOne({ role: 'admin' }).orFail()).id,
      ))!;
      const fromPeer = peer.services.search.search({ q: 'factura', limit: 20 }, viewer);
      expect(fromPeer.hits.map((h) => h.messageId)).toEqual(
        (await search(admin, { q: 'factura' })).body.hits.map((h) => h.messageId),
      );
      await customerWrote('5215540000009', 'Marta', [{ body: 'otra consulta sobre la garantía', at: new Date() }]);
      await eventually(
        async () => peer.services.search.search({ q: 'garantía', limit: 20 }, viewer).hits.length === 1,
        'the peer to see a message the first process indexed',
      );
    } finally {
      await peer.close();
    }
  });

  it('a new index file is rebuilt from the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'search-rebuild-')), 'index.sqlite');
    const index = new SearchIndex(file);
    try {
      expect(index.created).toBe(true);
      const caughtUp = await new SearchCatchUp(server.app.models, index, createLogger('silent')).run();
      expect(caughtUp.messages).toBe(await server.app.models.Message.countDocuments());
      const admins = (await server.app.services.users.viewerFor(
        (await server.app.models.User.findOne({ role: 'admin' }).orFail()).id,
      ))!;
      const rebuilt = new SearchService(index).search({ q: 'factura', status: 'resolved', limit: 20 }, admins);
      expect(rebuilt.hits.map((h) => h.conversationId)).toContain(ids.lucia);
      expect((await new SearchCatchUp(server.app.models, index, createLogger('silent')).run()).messages).toBe(0);
    } finally {
      index.close();
    }
  });
});
