import type { ConversationDTO, Page } from '@switchboard/shared';
import { createWhatsAppSimulator, envelope, inbound, signedWebhook } from '@switchboard/whatsapp-simulator';
import { OUTBOX_CONCURRENCY } from '@switchboard/desktop/engine';
import { describeMachine, loadAverage } from '../machine.js';
import { flushOfflineReplies, login, writeOfflineReplies } from '../reply-flush.js';
import type { Scenario, ScenarioResult } from '../result.js';
import { BENCH_SECRETS, freshDatabaseName, startDatabase, startServer, type Database } from '../stack.js';
import { meterCost } from '../cpu.js';
import { ratios, round } from '../stats.js';

const REPLIES = 1000;
/**
 * How many conversations the 1,000 replies are spread over (round robin). A conversation's replies go one at a
 * time, in order, so the spread bounds how many can be in flight: 10 is the row measured before; 100 is an
 * agent who answered many customers while offline; 1 is the worst case, where ordering allows no overlap.
 */
const SPREADS = [10, 100, 1];
const TIMEOUT_MS = 120_000;
/** Customers write first (a reply needs an open 24-hour window), and their conversations are listed. */
async function conversationsToAnswer(url: string, token: string, conversations: number): Promise<string[]> {
  for (let c = 0; c < conversations; c++) {
    const signed = signedWebhook(
      envelope({
        messages: [
          inbound.text({ from: `55119700000${String(c).padStart(2, '0')}`, body: 'preciso de ajuda com meu pedido' }),
        ],
      }),
      BENCH_SECRETS.WHATSAPP_APP_SECRET,
    );
    const res = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: signed.headers, body: signed.body });
    if (!res.ok) throw new Error(`webhook refused: ${res.status}`);
  }
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/conversations?limit=${conversations}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as Page<ConversationDTO>;
    if (page.items.length >= conversations) return page.items.map((c) => c.id);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the customers’ conversations did not appear within 180 s');
}

/**
 * 1,000 replies written while offline (in the engine's SQLite outbox), then the engine starts against the
 * real server: the time until every one is acknowledged (stored by the server, idempotently, and marked sent
 * in the cache). Delivery to WhatsApp (the simulator) happens after, in the server's outbox worker. Each
 * spread gets its own server, so one row's deliveries still running do not slow the next.
 */
export const desktopOutboxScenario: Scenario = {
  name: 'desktop-outbox',
  describe:
    'desktop engine: flush 1,000 replies written offline once the server is reachable (over 10, 100 and 1 conversations)',
  async run() {
    const database = await startDatabase();
    try {
      const rows: ScenarioResult[] = [];
      for (const conversations of SPREADS) {
        // A/B in one run: senders scanning the outbox on every wake-up (before), then taking new items by id.
        const scanning = await flushRow(database, conversations, false);
        const handedOver = await flushRow(database, conversations, true);
        rows.push({
          ...handedOver,
          baselineFigures: scanning.figures,
          ratios: ratios(handedOver.figures, scanning.figures),
          notes: [
            ...(handedOver.notes ?? []),
            'baseline: the same flush, same run, with OUTBOX_HANDOFF=false (the outbox senders scan the outbox on every wake-up, as before)',
          ],
        });
      }
      return rows;
    } finally {
      await database.stop();
    }
  },
};

async function flushRow(database: Database, conversations: number, handoff: boolean): Promise<ScenarioResult> {
  const simulator = createWhatsAppSimulator({
    appSecret: BENCH_SECRETS.WHATSAPP_APP_SECRET,
    accessToken: BENCH_SECRETS.WHATSAPP_ACCESS_TOKEN,
  });
  const { url: simulatorUrl } = await simulator.start(0);
  const server = await startServer({
    MONGODB_URI: database.uri,
    MONGODB_DB_NAME: freshDatabaseName(),
    WHATSAPP_API_BASE_URL: simulatorUrl,
    OUTBOX_HANDOFF: String(handoff),
  });
  simulator.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  try {
    const token = await login(server.url);
    const conversationIds = await conversationsToAnswer(server.url, token, conversations);
    const offline = await writeOfflineReplies({
      url: server.url,
      token,
      conversationIds,
      replies: REPLIES,
      timeoutMs: TIMEOUT_MS,
    });
    const load = loadAverage();
    const meter = await meterCost({
      serverPids: [server.child.pid],
      databasePid: database.pid,
      metricsUrls: [`${server.url}/metrics`],
    });
    const flush = await flushOfflineReplies(offline, TIMEOUT_MS).finally(offline.remove);
    const cost = await meter.stop();
    const perReply = (n: number | null) => (n === null ? null : round(n / Math.max(flush.acknowledged, 1), 2));
    return {
      name: `desktop-outbox, ${conversations} conversation${conversations === 1 ? '' : 's'}`,
      conditions: {
        machine: describeMachine(),
        database: `${database.kind} (server) + SQLite (engine cache)`,
        processes: 1,
        sockets: 1,
        rate: null,
        duration: flush.finished ? 'until all acknowledged' : `stopped after ${TIMEOUT_MS / 1000} s`,
        loadAverageAtStart: load,
        replies: REPLIES,
        conversations,
      },
      figures: {
        flushMs: round(flush.ms),
        repliesPerSecond: round((flush.acknowledged * 1000) / flush.ms),
        acknowledged: flush.acknowledged,
        refused: flush.refused,
        allAcknowledged: flush.finished && flush.refused === 0,
        dbCommandsPerReply: perReply(cost.databaseCommands),
        serverCpuMsPerReply: perReply(cost.serverCpuMs),
        databaseCpuMsPerReply: perReply(cost.databaseCpuMs),
      },
      baselineFigures: null,
      ratios: null,
      notes: [
        `timed from engine.start() (cache open, socket connect, resync running alongside) to the last reply marked sent; ${REPLIES} replies round robin over ${conversations} conversation(s); each conversation's replies go one at a time, oldest first, each awaiting its acknowledgement, with up to ${OUTBOX_CONCURRENCY} conversations in flight at once`,
        "per reply: over the flush, commands from the server's /metrics (its outbox senders included, delivering meanwhile), server CPU from /proc/<pid>/stat, FerretDB CPU the same way",
      ],
    };
  } finally {
    await server.child.stop();
    await simulator.stop();
  }
}
