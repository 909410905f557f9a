import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SearchIndex, SearchService } from '@switchboard/server/internals';
import type { ConversationDTO, MessageDTO, SearchQuery } from '@switchboard/shared';

/**
 * `tsx src/search-index.ts [messages]`: the server's search index filled with a history of N messages
 * (default 1,000,000) over 20,000 conversations, then searched the way agents do (a word, a prefix being
 * typed, two words, with filters, a second page), as an admin and as an agent who sees one channel.
 * Writes bench/results/search.json with p50/p95/max per query.
 */
const MESSAGES = Number(process.argv[2] ?? 1_000_000);
const CONVERSATIONS = 20_000;
const ROUNDS = 40;
const WORDS = (
  'pedido factura envío reembolso garantía tarjeta cuenta pago entrega dirección cambio talla precio ' +
  'descuento cupón devolución problema ayuda gracias hola order refund invoice delivery payment card account'
).split(' ');

const objectId = () => randomBytes(12).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
const index = new SearchIndex(join(dir, 'index.sqlite'));
const channels = [objectId(), objectId()];
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const started = Date.now();
const start = Date.now() - 365 * 24 * 3_600_000;
const conversations: ConversationDTO[] = [];
for (let c = 0; c < CONVERSATIONS; c++) {
  const id = objectId();
  conversations.push({
    id,
    channelId: channels[c % 2]!,
    status: c % 3 === 0 ? 'resolved' : 'open',
    assigneeId: null,
    queueId: null,
    labels: c % 10 === 0 ? ['vip'] : [],
    seq: 1,
    lastMessageAt: new Date().toISOString(),
    contact: {
      id: `k${c}`,
      waId: `55119${String(c).padStart(8, '0')}`,
      profileName: `Cliente ${c}`,
      name: null,
      email: null,
    },
  } as unknown as ConversationDTO);
}
index.apply(conversations.map((data) => ({ type: 'conversation:updated', data }) as never));
const BATCH = 5_000;
for (let i = 0; i < MESSAGES; i += BATCH) {
  const batch: never[] = [];
  for (let j = i; j < Math.min(MESSAGES, i + BATCH); j++) {
    const conversation = conversations[j % CONVERSATIONS]!;
    const body = Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(WORDS)).join(' ') + ` ${j}`;
    const message = {
      id: objectId(),
      conversationId: conversation.id,
      channelId: conversation.channelId,
      direction: j % 2 ? 'inbound' : 'outbound',
      content: { type: 'text', body },
      sentAt: new Date(start + (j / MESSAGES) * 365 * 24 * 3_600_000).toISOString(),
    } as unknown as MessageDTO;
    batch.push({ type: 'message:created', data: message } as never);
  }
  index.apply(batch);
}
const buildMs = Date.now() - started;

const service = new SearchService(index);
const admin = { seesEverything: true } as never;
const agent = {
  seesEverything: false,
  channelIds: [{ toHexString: () => channels[0] }],
  queueIds: [],
  userId: 'u1',
} as never;
const query = (q: Partial<SearchQuery>): SearchQuery => ({ q: 'pedido', limit: 20, ...q });
const cases: [string, SearchQuery, unknown][] = [
  ['one common word', query({ q: 'factura' }), admin],
  ['a prefix being typed', query({ q: 'reem' }), admin],
  ['two words', query({ q: 'pedido garantía' }), admin],
  ['a rare word (a number)', query({ q: '987654' }), admin],
  ['word + resolved + label', query({ q: 'pago', status: 'resolved', label: 'vip' }), admin],
  ['word + last 30 days', query({ q: 'envío', from: new Date(Date.now() - 30 * 24 * 3_600_000).toISOString() }), admin],
  ['an agent seeing one channel', query({ q: 'cuenta' }), agent],
  ['a contact by number part', query({ q: '00012345' }), admin],
];
const results = cases.map(([name, q, viewer]) => {
  const first = service.search(q, viewer as never);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = process.hrtime.bigint();
    const page = service.search(q, viewer as never);
    if (r % 2 === 1 && page.nextCursor) service.search({ ...q, cursor: page.nextCursor }, viewer as never);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 10) / 10;
  return { name, hits: first.hits.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
});
const report = {
  messages: MESSAGES,
  conversations: CONVERSATIONS,
  buildSeconds: Math.round(buildMs / 1000),
  rounds: ROUNDS,
  results,
  p95TargetMs: 300,
  at: new Date().toISOString(),
};
writeFileSync(new URL('../results/search.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
index.close();
rmSync(dir, { recursive: true, force: true });
