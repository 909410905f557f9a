import { parseArgs } from 'node:util';
import { stopAllStarted } from './processes.js';
import { writeResults } from './report.js';
import type { BenchOptions, Scenario, ScenarioResult } from './result.js';
import { ingestScenario } from './scenarios/ingest.js';
import { latencyScenario } from './scenarios/latency.js';
import { processingScenario } from './scenarios/processing.js';
import { desktopCacheScenario } from './scenarios/desktop-cache.js';
import { desktopOutboxScenario } from './scenarios/desktop-outbox.js';
import { growthScenario } from './scenarios/growth.js';
import { reportsScenario } from './scenarios/reports.js';

const SCENARIOS: Scenario[] = [
  ingestScenario,
  processingScenario,
  latencyScenario,
  desktopCacheScenario,
  desktopOutboxScenario,
  growthScenario,
  reportsScenario,
];

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scenario: { type: 'string', multiple: true },
    duration: { type: 'string', default: '10' },
    drain: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    agents: { type: 'string', default: '500' },
    rates: { type: 'string', default: '50,100,200' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    [
      'pnpm bench [-- --scenario <name> ...] [--duration s] [--drain s] [--connections 10,50] [--agents n] [--rates 50,100,200]',
      '',
      ...SCENARIOS.map((s) => `  ${s.name.padEnd(16)} ${s.describe}${s.optIn ? ' [only with --scenario]' : ''}`),
    ].join('\n'),
  );
  process.exit(0);
}

const options: BenchOptions = {
  durationS: Number(values.duration),
  drainS: Number(values.drain),
  connections: values.connections.split(',').map(Number),
  agents: Number(values.agents),
  rates: values.rates.split(',').map(Number),
};
const wanted = values.scenario ?? SCENARIOS.filter((s) => !s.optIn).map((s) => s.name);
const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const interrupt = () => {
  void stopAllStarted().finally(() => process.exit(130));
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

const startedAt = new Date();
const results: ScenarioResult[] = [];
/** Scenarios that finished: their rows replace the last results' (a failed one's earlier rows are kept). */
const ran: string[] = [];
let failed = false;
for (const scenario of SCENARIOS.filter((s) => wanted.includes(s.name))) {
  const began = Date.now();
  console.error(`[bench] ${scenario.name}: ${scenario.describe}`);
  try {
    const measuredAt = new Date().toISOString();
    for (const row of await scenario.run(options))
      results.push({ ...row, scenario: scenario.name, conditions: { ...row.conditions, measuredAt } });
    ran.push(scenario.name);
  } catch (error) {
    failed = true;
    console.error(`[bench] ${scenario.name} failed:`, error);
  } finally {
    await stopAllStarted();
  }
  console.error(`[bench] ${scenario.name} took ${Math.round((Date.now() - began) / 1000)} s`);
}
console.log(
  writeResults(
    results,
    startedAt,
    ran,
    SCENARIOS.map((s) => s.name),
  ),
);
process.exit(failed ? 1 : 0);
