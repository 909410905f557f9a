import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioResult } from './result.js';
import { repoRoot } from './processes.js';

const resultsDir = path.join(repoRoot, 'bench/results');

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '∞';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const figureList = (figures: Record<string, unknown> | null) =>
  figures
    ? Object.entries(figures)
        .map(([k, v]) => `${k} ${show(v)}`)
        .join('<br>')
    : '–';

export function toMarkdown(results: ScenarioResult[], startedAt: Date): string {
  const first = results[0]?.conditions.machine;
  const lines = [
    `# pnpm bench: ${startedAt.toISOString()}`,
    '',
    first
      ? `Machine: ${first.cpu}, ${first.cores} cores, ${first.ramGiB} GiB RAM, ${first.os}, Node ${first.node}`
      : '',
    '',
    '| scenario | conditions | figures | baseline | ratio (ours / baseline) | target |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const c = r.conditions;
    const conditions = [
      `db ${c.database}`,
      `processes ${show(c.processes)}`,
      `sockets ${show(c.sockets)}`,
      `rate ${show(c.rate)}`,
      `duration ${c.duration}`,
      `load ${c.loadAverageAtStart.join(' / ')}`,
      ...(c.measuredAt ? [`at ${show(c.measuredAt)}`] : []),
    ].join('<br>');
    const target = r.target
      ? `${r.target.met === null ? 'n/a' : r.target.met ? 'met' : 'missed'}: ${r.target.description}`
      : '–';
    lines.push(
      `| ${r.name} | ${conditions} | ${figureList(r.figures)} | ${figureList(r.baselineFigures)} | ${figureList(r.ratios)} | ${target} |`,
    );
  }
  const notes = results.flatMap((r) => (r.notes ?? []).map((n) => `- ${r.name}: ${n}`));
  if (notes.length) lines.push('', 'Notes:', '', ...notes);
  return `${lines.join('\n')}\n`;
}

/**
 * The rows of the scenarios that did not run this time, from the last results: `pnpm bench -- --scenario x`
 * replaces x's rows and keeps the others (each row says when it was measured).
 */
function keptRows(ran: string[], scenarioNames: string[]): ScenarioResult[] {
  const file = path.join(resultsDir, 'latest.json');
  if (!existsSync(file)) return [];
  const previous = JSON.parse(readFileSync(file, 'utf8')) as ScenarioResult[];
  const scenarioOf = (row: ScenarioResult) =>
    row.scenario ?? [...scenarioNames].sort((a, b) => b.length - a.length).find((name) => row.name.startsWith(name));
  return previous.filter((row) => !ran.includes(scenarioOf(row) ?? ''));
}

export function writeResults(fresh: ScenarioResult[], startedAt: Date, ran: string[], scenarioNames: string[]): string {
  mkdirSync(resultsDir, { recursive: true });
  const order = (row: ScenarioResult) => scenarioNames.indexOf(row.scenario ?? '');
  const results = [...keptRows(ran, scenarioNames), ...fresh].sort((a, b) => order(a) - order(b));
  const markdown = toMarkdown(results, startedAt);
  writeFileSync(path.join(resultsDir, 'latest.md'), markdown);
  writeFileSync(
    path.join(resultsDir, 'latest.json'),
    `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
  );
  return markdown;
}
