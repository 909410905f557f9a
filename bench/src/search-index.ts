import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SearchIndex, SearchService } from '@switchboard/server/internals';
import { describeMachine, loadAverage } from './machine.js';
import type { ConversationDTO, MessageDTO, SearchQuery } from '@switchboard/shared';

/**
 * `tsx src/search-index.ts [messages]`: the server's search index filled with a history of N messages
 * (default 1,000,000) over 20,000 conversations, then searched the way agents do (a word, a prefix being
 * typed, two words, with filters, a second page), as an admin and as an agent who sees one channel.
 * Writes bench/results/search.json with p50/p95/max per query, wall clock and the process's CPU time (a
 * search is synchronous in one thread, so its CPU time is what it would take on an idle core).
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

const loadAverageAtStart = loadAverage();
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
/** The baseline, same index, same run: every prefix left to FTS5's own prefix walk (no completions). */
const prefixWalk = new SearchService({ db: index.db, completions: () => null } as unknown as SearchIndex);
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
  ['a longer prefix being typed', query({ q: 'devolu' }), admin],
  ['two words', query({ q: 'pedido garantía' }), admin],
  ['a rare word (a number)', query({ q: '987654' }), admin],
  ['word + resolved + label', query({ q: 'pago', status: 'resolved', label: 'vip' }), admin],
  ['word + last 30 days', query({ q: 'envío', from: new Date(Date.now() - 30 * 24 * 3_600_000).toISOString() }), admin],
  ['an agent seeing one channel', query({ q: 'cuenta' }), agent],
  ['a contact by number part', query({ q: '00012345' }), admin],
];

type Samples = { wall: number[]; cpu: number[] };
/** One round: the first page, and every other round the second page too (as an agent scrolling). */
function round(searcher: SearchService, q: SearchQuery, viewer: unknown, r: number, into: Samples): void {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const page = searcher.search(q, viewer as never);
  if (r % 2 === 1 && page.nextCursor) searcher.search({ ...q, cursor: page.nextCursor }, viewer as never);
  const used = process.cpuUsage(cpu);
  into.cpu.push((used.user + used.system) / 1e3);
  into.wall.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const at = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
};
const figures = ({ wall, cpu }: Samples) => ({
  p50Ms: at(wall, 0.5),
  p95Ms: at(wall, 0.95),
  maxMs: at(wall, 1),
  cpuP50Ms: at(cpu, 0.5),
  cpuP95Ms: at(cpu, 0.95),
});
const results = cases.map(([name, q, viewer]) => {
  const first = service.search(q, viewer as never);
  const baselineFirst = prefixWalk.search(q, viewer as never);
  const measured: Samples = { wall: [], cpu: [] };
  const baseline: Samples = { wall: [], cpu: [] };
  // Alternated round by round, so both see the same load.
  for (let r = 0; r < ROUNDS; r++) {
    round(service, q, viewer, r, measured);
    round(prefixWalk, q, viewer, r, baseline);
  }
  return {
    name,
    hits: first.hits.length,
    sameHitsAsBaseline:
      JSON.stringify(first.hits.map((h) => h.messageId)) === JSON.stringify(baselineFirst.hits.map((h) => h.messageId)),
    ...figures(measured),
    baseline: figures(baseline),
  };
});
const report = {
  machine: describeMachine(),
  loadAverageAtStart,
  loadAverageAtEnd: loadAverage(),
  messages: MESSAGES,
  conversations: CONVERSATIONS,
  buildSeconds: Math.round(buildMs / 1000),
  rounds: ROUNDS,
  baseline: "the same queries on the same index in the same run, each prefix left to FTS5's own prefix walk",
  results,
  p95TargetMs: 300,
  at: new Date().toISOString(),
};
writeFileSync(new URL('../results/search.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
index.close();
rmSync(dir, { recursive: true, force: true });
