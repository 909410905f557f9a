import {
  dayDocsOf,
  FactsCache,
  MemoryFactsStore,
  ReportDays,
  ReportDaySealer,
  ReportReducer,
  type Models,
} from '@switchboard/server/internals';
import { createLogger } from '@switchboard/server';
import { processCpuMs } from '../cpu.js';
import { describeMachine, loadAverage } from '../machine.js';
import { startProcessingStack } from '../processing-stack.js';
import { login } from '../reply-flush.js';
import { conversationEvents, HISTORY_AGENTS, type HistoryShape } from '../report-history.js';
import type { Scenario, ScenarioResult } from '../result.js';
import { freshDatabaseName, startDatabase } from '../stack.js';
import { percentiles, ratios, round } from '../stats.js';

const SHAPE: HistoryShape = {
  days: 90,
  conversations: Number(process.env.BENCH_REPORT_CONVERSATIONS ?? 50_000),
  messagesEach: 20,
  start: new Date('2026-06-01T00:00:00Z'),
};
const BATCH = 500;
const REQUESTS = 40;
const TARGET_MS = 500;

/** The report requests a supervisor makes: a month, the whole quarter, and a month narrowed by agent and language. */
const QUERIES = [
  { name: '30 days', query: 'from=2026-07-01&to=2026-07-30' },
  { name: '90 days', query: 'from=2026-06-01&to=2026-08-29' },
  { name: '30 days, one agent, es', query: `from=2026-07-01&to=2026-07-30&agentId=${HISTORY_AGENTS[0]}&language=es` },
];

export const reportsScenario: Scenario = {
  name: 'reports',
  describe: `report requests over the rollups of ${SHAPE.conversations * SHAPE.messagesEach} messages (p95, target <= ${TARGET_MS} ms)`,
  optIn: true,
  async run() {
    const load = loadAverage();
    const database = await startDatabase();
    try {
      const stack = await startProcessingStack(database, freshDatabaseName());
      try {
        // The server's own rules and rollup writer; the per-conversation facts kept in memory (the app keeps
        // them in the database, one round trip per change, which would make this fill hours long).
        const writer = stack.app.services.reportWriter;
        const reducer = new ReportReducer(new FactsCache(new MemoryFactsStore()), writer, createLogger('warn'));
        const fillStart = performance.now();
        for (let first = 0; first < SHAPE.conversations; first += BATCH) {
          for (let i = first; i < Math.min(first + BATCH, SHAPE.conversations); i++)
            for (const event of conversationEvents(i, SHAPE)) void reducer.accept(event);
          await reducer.idle();
          await writer.flush();
        }
        const fillMs = performance.now() - fillStart;
        const { models } = stack.app;
        const sealStart = performance.now();
        const sealed = await new ReportDaySealer(models, stack.reportsZone, createLogger('warn')).sealFinishedDays();
        const sealMs = performance.now() - sealStart;
        const conditions = {
          machine: describeMachine(),
          database: database.kind,
          processes: 1,
          sockets: 0,
          rate: 'sequential',
          loadAverageAtStart: load,
          conversations: SHAPE.conversations,
          messages: SHAPE.conversations * SHAPE.messagesEach,
          days: SHAPE.days,
        };
        const rows: ScenarioResult[] = [
          await coldReads(
            models,
            database.pid,
            { ...conditions, duration: `${COLD_ROUNDS} rounds` },
            {
              fillMs: round(fillMs),
              daysSealed: sealed,
              sealMs: round(sealMs),
            },
          ),
        ];
        const token = await login(stack.url);
        for (const { name, query } of QUERIES) {
          const samples: number[] = [];
          let messagesIn = 0;
          const commandsBefore = total(stack.commands);
          const serverCpuBefore = process.cpuUsage();
          const databaseCpuBefore = processCpuMs(database.pid);
          for (let n = 0; n < REQUESTS; n++) {
            const started = performance.now();
            const res = await fetch(`${stack.url}/api/reports?${query}`, {
              headers: { authorization: `Bearer ${token}` },
            });
            const body = (await res.json()) as { totals: { messagesIn: number } };
            samples.push(performance.now() - started);
            if (!res.ok) throw new Error(`report answered ${res.status}: ${JSON.stringify(body)}`);
            messagesIn = body.totals.messagesIn;
          }
          const serverCpu = process.cpuUsage(serverCpuBefore);
          const databaseCpuAfter = processCpuMs(database.pid);
          const perRequest = {
            dbCommandsPerRequest: round((total(stack.commands) - commandsBefore) / REQUESTS),
            serverCpuMsPerRequest: round((serverCpu.user + serverCpu.system) / 1e3 / REQUESTS),
            databaseCpuMsPerRequest:
              databaseCpuBefore === null || databaseCpuAfter === null
                ? null
                : round((databaseCpuAfter - databaseCpuBefore) / REQUESTS),
          };
          const figures = percentiles(samples);
          rows.push({
            name: `reports ${name}`,
            conditions: { ...conditions, duration: `${REQUESTS} requests`, query },
            figures: {
              firstRequestMs: round(samples[0]!),
              ...figures,
              ...perRequest,
              messagesInCounted: messagesIn,
              fillMs: round(fillMs),
            },
            baselineFigures: null,
            ratios: null,
            target: { description: `p95 of a report request <= ${TARGET_MS} ms`, met: figures.p95 <= TARGET_MS },
            notes: [
              'rollups filled through the server ReportReducer (report-rules + RollupWriter), facts in memory',
              'GET /api/reports over HTTP with an admin token (reports are for supervisors and admins), one request at a time',
              'firstRequestMs: the first request reads every day of the range, from their seals (the sealing pass ran after the fill); later ones re-read only days whose version moved (none here: the history is in the past)',
              'per request: database commands counted by the driver, server CPU from process.cpuUsage (the in-process server and the small client), FerretDB CPU from /proc/<pid>/stat',
            ],
          });
        }
        return rows;
      } finally {
        await stack.stop();
      }
    } finally {
      await database.stop();
    }
  },
};

const COLD_ROUNDS = 5;

/**
 * A/B in one run, round by round on the same database: a range's first read (no day decoded in memory yet)
 * from the day documents, as every first report read before seals (the baseline), and through ReportDays,
 * which reads the days' seals.
 */
async function coldReads(
  models: Models,
  databasePid: number | null,
  conditions: ScenarioResult['conditions'],
  extra: Record<string, number>,
): Promise<ScenarioResult> {
  const days = Array.from({ length: SHAPE.days }, (_, i) =>
    new Date(SHAPE.start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
  const sealedSamples: Sample[] = [];
  const documentSamples: Sample[] = [];
  for (let round = 0; round < COLD_ROUNDS; round++) {
    documentSamples.push(await sample(databasePid, () => dayDocsOf(models, days)));
    sealedSamples.push(await sample(databasePid, () => new ReportDays(models).read(days)));
  }
  const ours = summary(sealedSamples);
  const baseline = summary(documentSamples);
  const p95 = percentiles(sealedSamples.map((s) => s.ms)).p95;
  return {
    name: `reports first read of ${SHAPE.days} days`,
    conditions,
    figures: { ...ours, ...extra },
    baselineFigures: baseline,
    ratios: ratios(ours, baseline),
    target: {
      description: `a first read of ${SHAPE.days} days well inside ${TARGET_MS} ms`,
      met: p95 <= TARGET_MS / 2,
    },
    notes: [
      'ours: ReportDays.read of every day, in a fresh instance (nothing in memory), reading the seals the sealing pass wrote after the fill',
      'baseline: the same days read from their day documents by _id list, what every first report read before seals',
      'sealMs: one pass of the ReportDaySealer over the filled history (it runs in the background every 10 minutes and at start)',
      'CPU per read: server from process.cpuUsage (decoding included), FerretDB from /proc/<pid>/stat',
    ],
  };
}

type Sample = { ms: number; serverCpuMs: number; databaseCpuMs: number | null };

async function sample(databasePid: number | null, read: () => Promise<unknown>): Promise<Sample> {
  const databaseBefore = processCpuMs(databasePid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await read();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const databaseAfter = processCpuMs(databasePid);
  return {
    ms,
    serverCpuMs: (cpu.user + cpu.system) / 1e3,
    databaseCpuMs: databaseBefore === null || databaseAfter === null ? null : databaseAfter - databaseBefore,
  };
}

function summary(samples: Sample[]): Record<string, number | null> {
  const { p50, p95 } = percentiles(samples.map((s) => s.ms));
  const databaseCpu = samples.map((s) => s.databaseCpuMs);
  return {
    p50,
    p95,
    serverCpuMsP50: percentiles(samples.map((s) => s.serverCpuMs)).p50,
    databaseCpuMsP50: databaseCpu.includes(null) ? null : percentiles(databaseCpu as number[]).p50,
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
