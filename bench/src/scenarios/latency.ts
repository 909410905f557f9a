import { randomBytes } from 'node:crypto';
import { meterCost, metricTotal } from '../cpu.js';
import { driveAtRate } from '../driver.js';
import { describeMachine, loadAverage } from '../machine.js';
import { freePort, startNodeScript, waitForHttp } from '../processes.js';
import { startRedis } from '../redis.js';
import type { BenchOptions, Scenario, ScenarioResult } from '../result.js';
import { seedTeam } from '../seed.js';
import { freshDatabaseName, startDatabase, startServer, type Database, type ServerProcess } from '../stack.js';
import { ratios, round } from '../stats.js';
import { Swarm } from '../swarm.js';
import { SUPERVISORS, teamLayout, type Member } from '../team.js';

const CUSTOMERS = 100;
/** Issue 16's targets for one process: every push arrives at 50 and 100 messages/s; p99 within these. */
const P99_AT_50_MS = 250;
const RELAY_P99_FACTOR_AT_100 = 2;

type Figures = Record<string, number | null>;
/** `metricsUrls`: where to watch the servers settle after the agents connect (none for the baseline, which keeps no state). */
type Setup = {
  targets: string[];
  path: string;
  tokens: (string | null)[];
  members: Member[];
  processes: number;
  metricsUrls: string[];
  /** The processes whose CPU is the server's (ours, or the relay), and the database's. */
  serverPids: number[];
  databasePid: number | null;
  stop(): Promise<void>;
};

const SETTLED_COMMANDS_PER_S = 50;
const SETTLE_LIMIT_MS = 120_000;

/** Database round trips the servers have made so far, from their /metrics. */
const databaseCommands = (metricsUrls: string[]) => metricTotal(metricsUrls, 'switchboard_db_commands_total');

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
  await swarm.mark();
  const meter = await meterCost({
    serverPids: setup.serverPids,
    databasePid: setup.databasePid,
    metricsUrls: setup.metricsUrls,
  });
  const drive = await driveAtRate({
    targets: setup.targets,
    path: setup.path,
    rate,
    durationS: options.durationS,
    tag,
    customers: CUSTOMERS,
  });
  const seen = await swarm.collect(tag, drive.sent, CUSTOMERS, options.drainS * 1000);
  const cost = await meter.stop();
  const perMessage = (n: number | null, digits = 2) => (n === null ? null : round(n / drive.sent, digits));
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
    audiencePerMessage: perMessage(seen.expectedReceipts, 1),
    framesPerMessage: perMessage(seen.frames, 1),
    serverCpuMsPerMessage: perMessage(cost.serverCpuMs),
    databaseCpuMsPerMessage: perMessage(cost.databaseCpuMs),
    databaseCommandsPerMessage: perMessage(cost.databaseCommands),
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
    const targets = setup.tokens.map((token, i) => ({
      url: setup.targets[i % setup.targets.length]!,
      token,
      member: setup.members[i]!,
    }));
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

async function relayBaseline(members: Member[]): Promise<Setup> {
  const port = await freePort();
  const child = startNodeScript('bench/src/children/bare-relay.ts', { env: { PORT: String(port) } });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
  return {
    targets: [`http://127.0.0.1:${port}`],
    path: '/relay',
    tokens: Array<null>(members.length).fill(null),
    members,
    processes: 1,
    metricsUrls: [],
    serverPids: [child.pid],
    databasePid: null,
    stop: () => child.stop(),
  };
}

async function ourServers(database: Database, processes: number, members: Member[]): Promise<Setup> {
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
  const tokens = await seedTeam(database.uri, dbName, members);
  return {
    targets: servers.map((s) => s.url),
    path: '/webhooks/whatsapp',
    tokens,
    members,
    processes,
    metricsUrls: servers.map((s) => `${s.url}/metrics`),
    serverPids: servers.map((s) => s.child.pid),
    databasePid: database.pid,
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
 * Webhook-to-agent latency for a support team (team.ts: 500 agents in 10 queues, 10 supervisors): from just
 * before the webhook POST to the `message:created` push at each socket of the message's audience (its
 * queue's agents and the supervisors), at fixed rates; on one server process, on two sharing Redis, and
 * against a bare Socket.IO relay sending each POST to the same audience on the same machine. Also what each
 * message cost: server CPU apart from the database's, database commands, push frames.
 */
export const latencyScenario: Scenario = {
  name: 'latency',
  describe: `webhook-to-agent push latency, a team of 500 agents in 10 queues and ${SUPERVISORS} supervisors, 1 and 2 processes, vs a bare Socket.IO relay to the same audience`,
  async run(options) {
    const members = teamLayout(options.agents);
    const baseline = await withSetup(
      () => relayBaseline(members),
      (setup) => sweep(setup, options),
    );
    const database = await startDatabase();
    const rows: ScenarioResult[] = [];
    try {
      for (const processes of [1, 2]) {
        const name = `latency-${processes}p`;
        const ours = await withSetup(
          () => ourServers(database, processes, members),
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
  return {
    name: `${name}@${rate}`,
    conditions: {
      machine: describeMachine(),
      database,
      processes,
      sockets: options.agents + SUPERVISORS,
      rate: `${rate} messages/s (one message per webhook, ${CUSTOMERS} customers over 10 queues)`,
      duration: `${options.durationS} s + up to ${options.drainS} s drain`,
      loadAverageAtStart: ours.load,
      redis: processes > 1,
      team: `${options.agents} agents in 10 queues (each in one or two), ${SUPERVISORS} supervisors`,
    },
    figures: oursFigures,
    baselineFigures: baseFigures,
    ratios: 'figures' in ours && 'figures' in base ? ratios(ours.figures, base.figures) : null,
    ...(processes === 1 ? targetAt(rate, ours, base) : {}),
    notes: [
      `measured once the servers have settled after the agents connected (database commands under ${SETTLED_COMMANDS_PER_S}/s)`,
      "latency = push receipt at a socket of the message's audience (its queue's agents, the supervisors) minus the time just before the webhook POST; every receipt counts (p50/p95/p99 over all receipts); a push that never arrived within the drain counts as infinite",
      'baseline: a bare Socket.IO server relaying each POST with one emit to the same audience (rooms per queue and for supervisors); ratio > 1 means slower than the baseline',
      "serverCpuMsPerMessage: CPU of the server process(es) (the relay for the baseline) over the run and drain, /proc/<pid>/stat (what process.cpuUsage reports inside it); databaseCpuMsPerMessage: the FerretDB process, the same way; databaseCommandsPerMessage: from the servers' /metrics, background loops included; framesPerMessage: push frames of any event received by all sockets",
    ],
  };
}

/** Issue 16's latency targets (one process): 50 and 100 messages/s; 200 is reported as it comes. */
function targetAt(rate: number, ours: Outcome, base: Outcome): Pick<ScenarioResult, 'target'> {
  const figures = 'figures' in ours ? ours.figures : null;
  const complete = figures !== null && figures.messagesAtEveryAgent === figures.messagesSent;
  const p99 = figures?.p99Ms ?? null;
  if (rate === 50)
    return {
      target: {
        description: `every push arrives, p99 at most ${P99_AT_50_MS} ms`,
        met: complete && p99 !== null && p99 <= P99_AT_50_MS,
      },
    };
  if (rate === 100) {
    const relayP99 = 'figures' in base ? (base.figures.p99Ms ?? null) : null;
    return {
      target: {
        description: `every push arrives, p99 within ${RELAY_P99_FACTOR_AT_100}x the same-audience relay's p99 (${relayP99 ?? '–'} ms)`,
        met: complete && p99 !== null && relayP99 !== null && p99 <= RELAY_P99_FACTOR_AT_100 * relayP99,
      },
    };
  }
  return { target: { description: 'reported as it comes (no target)', met: null } };
}
