import autocannon from 'autocannon';
import type { SignedWebhook } from '@switchboard/whatsapp-simulator';
import { describeMachine, loadAverage } from '../machine.js';
import { ingestWebhooks } from '../payloads.js';
import { freePort, startNodeScript, waitForHttp } from '../processes.js';
import type { BenchOptions, Scenario, ScenarioResult } from '../result.js';
import { freshDatabaseName, startDatabase, startServer, BENCH_SECRETS } from '../stack.js';
import { ratios, round } from '../stats.js';

const MESSAGES_PER_WEBHOOK = 10;
const DISTINCT_BODIES = 400;

type Figures = {
  requestsPerSecond: number;
  messagesPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  refused: number;
  errors: number;
  timeouts: number;
};

/** Autocannon at fixed concurrency for a fixed time, cycling through distinct signed bodies. */
async function hammer(
  url: string,
  bodies: SignedWebhook[],
  connections: number,
  options: BenchOptions,
): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url: `${url}/webhooks/whatsapp`,
    connections,
    duration: options.durationS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const signed = bodies[next++ % bodies.length]!;
          return { ...request, method: 'POST', headers: signed.headers, body: signed.body };
        },
      },
    ],
  });
  const ok = result['2xx'];
  const perSecond = ok / result.duration;
  return {
    requestsPerSecond: round(perSecond),
    messagesPerSecond: round(perSecond * MESSAGES_PER_WEBHOOK),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok,
    refused: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function baseline(bodies: SignedWebhook[], connections: number, options: BenchOptions): Promise<Figures> {
  const port = await freePort();
  const child = startNodeScript('bench/src/children/bare-express.ts', {
    env: { PORT: String(port), WHATSAPP_APP_SECRET: BENCH_SECRETS.WHATSAPP_APP_SECRET },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
    return await hammer(`http://127.0.0.1:${port}`, bodies, connections, options);
  } finally {
    await child.stop();
  }
}

const VARIANTS = [
  {
    name: 'ingest',
    intakeConcurrency: '2',
    note: 'processing runs beside ingest (INTAKE_CONCURRENCY=2, the default), competing for the same cores and database',
  },
  {
    name: 'ingest-store-only',
    intakeConcurrency: '0',
    note: 'INTAKE_CONCURRENCY=0: this process only acknowledges and stores (processing would run elsewhere)',
  },
];

/**
 * Webhook ingest: signed batches of 10 realistic messages, acknowledged only after the durable intake insert
 * (see ingest/whatsapp.webhook.ts). Twice: with processing running beside it (the default) and with
 * INTAKE_CONCURRENCY=0 (a process that only acknowledges and stores). Each at every concurrency asked for
 * (`--connections`, default 10 and 50), the baseline too: with few connections a closed loop measures how
 * long each webhook waits for its insert, not how many the server can take; throughput is the figure at a
 * concurrency that keeps the server busy.
 */
export const ingestScenario: Scenario = {
  name: 'ingest',
  describe: 'webhook ingest throughput vs a bare Express endpoint',
  async run(options) {
    const bodies = ingestWebhooks(DISTINCT_BODIES, MESSAGES_PER_WEBHOOK, 300);
    const rows: ScenarioResult[] = [];
    for (const connections of options.connections) {
      const loadAtStart = loadAverage();
      const base = await baseline(bodies, connections, options);
      const database = await startDatabase();
      try {
        for (const variant of VARIANTS) {
          const rowLoad = variant === VARIANTS[0] ? loadAtStart : loadAverage();
          const server = await startServer({
            MONGODB_URI: database.uri,
            MONGODB_DB_NAME: freshDatabaseName(),
            INTAKE_CONCURRENCY: variant.intakeConcurrency,
          });
          try {
            const ours = await hammer(server.url, bodies, connections, options);
            rows.push({
              name: `${variant.name}-c${connections}`,
              conditions: {
                machine: describeMachine(),
                database: database.kind,
                processes: 1,
                sockets: 0,
                rate: `closed loop, ${connections} connections`,
                duration: `${options.durationS} s`,
                loadAverageAtStart: rowLoad,
                messagesPerWebhook: MESSAGES_PER_WEBHOOK,
                distinctBodies: DISTINCT_BODIES,
              },
              figures: ours,
              baselineFigures: base,
              ratios: ratios(ours, base),
              target: {
                description: 'at least half the bare Express baseline throughput (ratio requestsPerSecond >= 0.5)',
                met: ours.requestsPerSecond / base.requestsPerSecond >= 0.5,
              },
              notes: [
                variant.note,
                `baseline: bare Express at the same ${connections} connections, same signature check and JSON parse, nothing stored`,
              ],
            });
          } finally {
            await server.child.stop();
          }
        }
      } finally {
        await database.stop();
      }
    }
    return rows;
  },
};
