import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContactDTO, type ConversationDTO, type MessageDTO } from '@switchboard/shared';
import { openCache } from '@switchboard/desktop/engine';
import { describeMachine, loadAverage } from '../machine.js';
import type { Scenario } from '../result.js';
import { percentiles, round } from '../stats.js';

const CONVERSATIONS = 10_000;
const MESSAGES_EACH = 20;
const PAGE = 50;
const REPEATS = 5;
const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(T0 + ms).toISOString();

function conversation(i: number): ConversationDTO {
  const last = iso(i * 60_000 + MESSAGES_EACH * 1000);
  return {
    id: `c${String(i).padStart(6, '0')}`,
    channelId: 'ch',
    status: 'open',
    assigneeId: null,
    queueId: null,
    routingState: 'waiting',
    waitingReason: 'no agent of Support is online',
    waitingSince: last,
    priority: 'normal',
    intent: 'order_status',
    language: 'en',
    sla: null,
    handoff: null,
    labels: [],
    triage: { secondaryIntent: null, confidence: null, entities: [], correction: null },
    snoozedUntil: null,
    escalatedAt: null,
    seq: MESSAGES_EACH * 2,
    messageCount: MESSAGES_EACH,
    lastMessageAt: last,
    lastMessagePreview: `where is my order #${48000 + i}??`,
    lastInboundAt: last,
    windowExpiresAt: iso(i * 60_000 + 86_400_000),
    openedAt: iso(i * 60_000),
    resolvedAt: null,
    createdAt: iso(i * 60_000),
    updatedAt: last,
    contact: ContactDTO.parse({
      id: `k${i}`,
      waId: `5511${900000000 + i}`,
      userId: null,
      profileName: `Customer ${i}`,
      optedOut: false,
      createdAt: iso(0),
      updatedAt: iso(0),
    }),
  };
}

function message(c: ConversationDTO, i: number, j: number): MessageDTO {
  const inbound = j % 3 !== 2;
  return {
    id: `${c.id}-m${j}`,
    conversationId: c.id,
    channelId: 'ch',
    contactId: c.contact.id,
    direction: inbound ? 'inbound' : 'outbound',
    providerMessageId: `wamid.${i}.${j}`,
    content: {
      type: 'text',
      body: inbound ? `hi, still waiting on order ${48000 + i} (${j})` : 'Let me check that for you.',
    },
    context: null,
    referral: null,
    status: inbound ? 'received' : 'read',
    statusTimestamps: { sent: null, delivered: null, read: null, failed: null },
    error: null,
    failureReason: null,
    attempts: 0,
    clientMessageId: null,
    authorId: inbound ? null : 'agent',
    sentAt: iso(i * 60_000 + j * 1000),
    createdAt: iso(i * 60_000 + j * 1000),
  };
}

/**
 * The desktop engine's cold start: a real SQLite cache file holding 10,000 conversations and 200,000
 * messages (filled through the engine's own cache API), then the time to open it and read what the first
 * screen shows: the conversation list and one thread.
 */
export const desktopCacheScenario: Scenario = {
  name: 'desktop-cache',
  describe: 'desktop engine: open a cache of 10,000 conversations / 200,000 messages and show the inbox',
  async run() {
    const load = loadAverage();
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-cache-'));
    const file = path.join(dir, 'cache.sqlite');
    try {
      const fillStarted = performance.now();
      const filling = await openCache(file);
      for (let i = 0; i < CONVERSATIONS; i++) {
        const c = conversation(i);
        await filling.upsertConversation(
          c,
          Array.from({ length: MESSAGES_EACH }, (_, j) => message(c, i, j)),
        );
      }
      await filling.close();
      const fillMs = performance.now() - fillStarted;

      const opens: number[] = [];
      const lists: number[] = [];
      const threads: number[] = [];
      const totals: number[] = [];
      let listed = 0;
      for (let r = 0; r < REPEATS; r++) {
        const t0 = performance.now();
        const cache = await openCache(file);
        const t1 = performance.now();
        const all = await cache.listConversations({ sort: 'recent' });
        const firstPage = all.slice(0, PAGE);
        const t2 = performance.now();
        await cache.listMessages(firstPage[0]!.id);
        const t3 = performance.now();
        await cache.close();
        listed = all.length;
        opens.push(t1 - t0);
        lists.push(t2 - t1);
        threads.push(t3 - t2);
        totals.push(t3 - t0);
      }
      const first = (xs: number[]) => round(xs[0]!);
      return [
        {
          name: 'desktop-cache',
          conditions: {
            machine: describeMachine(),
            database: 'SQLite (better-sqlite3, WAL) through apps/desktop/src/engine/db/cache.ts',
            processes: 1,
            sockets: 0,
            rate: null,
            duration: `${REPEATS} cold opens`,
            loadAverageAtStart: load,
            conversations: CONVERSATIONS,
            messages: CONVERSATIONS * MESSAGES_EACH,
            cacheFileMiB: round(statSync(file).size / 2 ** 20),
          },
          figures: {
            showInboxFirstMs: first(totals),
            showInboxMedianMs: percentiles(totals).p50,
            openCacheMedianMs: percentiles(opens).p50,
            listConversationsMedianMs: percentiles(lists).p50,
            conversationsListed: listed,
            listMessagesMedianMs: percentiles(threads).p50,
            fillMs: round(fillMs),
          },
          baselineFigures: null,
          ratios: null,
          notes: [
            `"show inbox" = openCache + listConversations (the cache API returns the whole sorted list; the UI shows its first ${PAGE}) + one thread's listMessages (${MESSAGES_EACH} messages)`,
            'the first open follows the fill, so the file is in the OS page cache: this is a warm-disk cold start',
          ],
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
