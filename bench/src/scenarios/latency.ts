import { randomBytes } from 'node:crypto';
import { driveAtRate } from '../driver.js';
import { describeMachine, loadAverage } from '../machine.js';
import { freePort, startNodeScript, waitForHttp } from '../processes.js';
import { startRedis } from '../redis.js';
import type { BenchOptions, Scenario, ScenarioResult } from '../result.js';
import { seedAgents } from '../seed.js';
import { freshDatabaseName, startDatabase, startServer, type Database, type ServerProcess } from '../stack.js';
import { parseExposition, samplesOf } from '@switchboard/test-support/prometheus-text';
import { ratios } from '../stats.js';
import { Swarm } from '../swarm.js';

const CUSTOMERS = 100;
const TARGET_RATE = 200;
const TARGET_P99_MS = 50;

type Figures = Record<string, number | null>;
/** `metricsUrls`: where to watch the servers settle after the agents connect (none for the baseline, which keeps no state). */
type Setup = {
  targets: string[];
  path: string;
  tokens: (string | null)[];
  processes: number;
  metricsUrls: string[];
  stop(): Promise<void>;
};

const SETTLED_COMMANDS_PER_S = 50;
const SETTLE_LIMIT_MS = 120_000;

/** Database round trips the servers have made so far, from their /metrics. */
async function databaseCommands(metricsUrls: string[]): Promise<number> {
  let total = 0;
  for (const url of metricsUrls) {
    for (const sample of samplesOf(parseExposition(await (await fetch(url)).text()), 'switchboard_db_commands_total'))
      total += sample.value;
  }
  return total;
}

/**
 * Waits until the servers have finished taking in the agents who just connected (each connect writes the
 * agent's presence): the measurement is of steady traffic, not of 500 agents logging in at the same second.
 */
async function untilSettled(metricsUrls: string[]): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let before = await databaseCommands(metricsUrls);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await databaseCommands(metricsUrls);
    if (now - before < SETTLED_COMMANDS_PER_S) return;
    before = now;
  }
  throw new Error(`the servers did not settle within ${SETTLE_LIMIT_MS / 1000} s of the agents connecting`);
}

/** One rate against one setup: drive, then collect what the agents' sockets saw. */
async function measure(
  setup: Setup,
  swarm: Swarm,
  rate: number,
  options: BenchOptions,
): Promise<{ figures: Figures; complete: boolean }> {
  const tag = `r${rate}-${randomBytes(3).toString('hex')}`;
  const drive = await driveAtRate({
    targets: setup.targets,
    path: setup.path,
    rate,
    durationS: options.durationS,
    tag,
    customers: CUSTOMERS,
  });
  const seen = await swarm.collect(tag, drive.sent, options.drainS * 1000);
  const figures: Figures = {
    p50Ms: seen.deliveries.p50,
    p95Ms: seen.deliveries.p95,
    p99Ms: seen.deliveries.p99,
    maxMs: seen.deliveries.max,
    firstAgentP50Ms: seen.firstReceipt.p50,
    firstAgentP99Ms: seen.firstReceipt.p99,
    messagesSent: drive.sent,
    achievedRate: drive.achievedRate,
    messagesAtEveryAgent: seen.messagesComplete,
    undeliveredPushes: seen.undeliveredReceipts,
    webhookNon200: drive.non200 + drive.failedRequests,
  };
  return { figures, complete: seen.messagesComplete === drive.sent };
}

/** Runs the rates in increasing order; once one does not drain in time, the higher ones are not tried. */
async function sweep(
  setup: Setup,
  options: BenchOptions,
): Promise<Map<number, { figures: Figures; load: number[] } | { skipped: string; load: number[] }>> {
  const swarm = Swarm.start();
  const out = new Map<number, { figures: Figures; load: number[] } | { skipped: string; load: number[] }>();
  try {
    const targets = setup.tokens.map((token, i) => ({ url: setup.targets[i % setup.targets.length]!, token }));
    await swarm.connect(targets);
    if (setup.metricsUrls.length > 0) await untilSettled(setup.metricsUrls);
    let overloaded: number | null = null;
    for (const rate of options.rates) {
      const load = loadAverage();
      if (overloaded !== null) {
        out.set(rate, {
          skipped: `not run: at ${overloaded} messages/s the pushes did not all arrive within the ${options.drainS} s drain window`,
          load,
        });
        continue;
      }
      const { complete, figures } = await measure(setup, swarm, rate, options);
      out.set(rate, { figures, load });
      if (!complete) overloaded = rate;
    }
  } finally {
    await swarm.stop();
  }
  return out;
}

async function relayBaseline(agents: number): Promise<Setup> {
  const port = await freePort();
  const child = startNodeScript('bench/src/children/bare-relay.ts', { env: { PORT: String(port) } });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
  return {
    targets: [`http://127.0.0.1:${port}`],
    path: '/relay',
    tokens: Array<null>(agents).fill(null),
    processes: 1,
    metricsUrls: [],
    stop: () => child.stop(),
  };
}

async function ourServers(database: Database, processes: number, agents: number): Promise<Setup> {
  const dbName = freshDatabaseName();
  const redis = processes > 1 ? await startRedis() : null;
  const env = { MONGODB_URI: database.uri, MONGODB_DB_NAME: dbName, ...(redis ? { REDIS_URL: redis.url } : {}) };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startServer(env));
  } catch (error) {
    await Promise.all(servers.map((s) => s.child.stop()));
    await redis?.child.stop();
    throw error;
  }
  const tokens = await seedAgents(database.uri, dbName, agents);
  return {
    targets: servers.map((s) => s.url),
    path: '/webhooks/whatsapp',
    tokens,
    processes,
    metricsUrls: servers.map((s) => `${s.url}/metrics`),
    async stop() {
      await Promise.all(servers.map((s) => s.child.stop()));
      await redis?.child.stop();
    },
  };
}

async function withSetup<T>(start: () => Promise<Setup>, work: (setup: Setup) => Promise<T>): Promise<T> {
  const setup = await start();
  try {
    return await work(setup);
  } finally {
    await setup.stop();
  }
}

/**
 * Webhook-to-agent latency: from just before the webhook POST to the `message:created` push at each of
 * 500 connected agent sockets, at fixed rates; on one server process, on two sharing Redis, and against a
 * bare Socket.IO relay (POST -> io.emit) on the same machine.
 */
export const latencyScenario: Scenario = {
  name: 'latency',
  describe: 'webhook-to-agent push latency with 500 agent sockets, 1 and 2 processes, vs a bare Socket.IO relay',
  async run(options) {
    const baseline = await withSetup(
      () => relayBaseline(options.agents),
      (setup) => sweep(setup, options),
    );
    const database = await startDatabase();
    const rows: ScenarioResult[] = [];
    try {
      for (const processes of [1, 2]) {
        const name = `latency-${processes}p`;
        const ours = await withSetup(
          () => ourServers(database, processes, options.agents),
          (setup) => sweep(setup, options),
        );
        for (const rate of options.rates)
          rows.push(row(name, database.kind, processes, rate, options, ours.get(rate)!, baseline.get(rate)!));
      }
    } finally {
      await database.stop();
    }
    return rows;
  },
};

type Outcome = { figures: Figures; load: number[] } | { skipped: string; load: number[] };

function row(
  name: string,
  database: string,
  processes: number,
  rate: number,
  options: BenchOptions,
  ours: Outcome,
  base: Outcome,
): ScenarioResult {
  const oursFigures = 'figures' in ours ? ours.figures : { skipped: ours.skipped };
  const baseFigures = 'figures' in base ? base.figures : { skipped: base.skipped };
  const p99 = 'figures' in ours ? (ours.figures.p99Ms ?? null) : null;
  return {
    name: `${name}@${rate}`,
    conditions: {
      machine: describeMachine(),
      database,
      processes,
      sockets: options.agents,
      rate: `${rate} messages/s (one message per webhook, ${CUSTOMERS} customers)`,
      duration: `${options.durationS} s + up to ${options.drainS} s drain`,
      loadAverageAtStart: ours.load,
      redis: processes > 1,
    },
    figures: oursFigures,
    baselineFigures: baseFigures,
    ratios: 'figures' in ours && 'figures' in base ? ratios(ours.figures, base.figures) : null,
    ...(rate === TARGET_RATE
      ? {
          target: {
            description: `p99 under ${TARGET_P99_MS} ms at ${TARGET_RATE} messages/s with 500 agents`,
            met: p99 === null ? false : p99 < TARGET_P99_MS,
          },
        }
      : {}),
    notes: [
      `measured once the servers have settled after the agents connected (database commands under ${SETTLED_COMMANDS_PER_S}/s)`,
      'latency = push receipt at an agent socket minus the time just before the webhook POST; every socket counts (p50/p95/p99 over all receipts); a push that never arrived within the drain counts as infinite',
      'baseline: a bare Socket.IO server relaying each POST with io.emit to the same sockets; ratio > 1 means slower than the baseline',
    ],
  };
}
