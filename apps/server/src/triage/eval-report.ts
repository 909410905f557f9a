import { formatReliability, reliabilityTable } from './calibration.js';
import type { Confusion, EvalReport, LanguageResult } from './evaluate.js';
import { INTENT_LABELS, type IntentLabel } from './intents.js';

const MOST_COMMON = 5;

/** The report `pnpm eval:intents` prints: per language a summary, a confusion table and the top confusions. */
export function formatEvalReport(report: EvalReport, options: { misses?: boolean } = {}): string {
  const sections = report.languages.map((result) => formatLanguage(result, options.misses ?? false));
  const reliability = `reliability (of the answers given each confidence, the share right):\n${formatReliability(
    reliabilityTable(report.answers),
  )}`;
  return [...sections, reliability, formatOverall(report)].join('\n\n');
}

function formatLanguage(result: LanguageResult, withMisses: boolean): string {
  const lines = [
    `== ${result.lang}: ${result.count} messages, accuracy ${percent(result.accuracy)} (${result.correct}/${result.count}), ` +
      `language detected ${percent(result.languageAccuracy)} ==`,
    `unknown: ${percent(result.unknownRate)} of messages (${percent(result.falseUnknownRate)} with a real intent); ` +
      (result.secondaryAccuracy === null
        ? 'no second asks labelled'
        : `second ask right ${percent(result.secondaryAccuracy)} of ${result.secondaryCount}`) +
      `, second ask shown on ${percent(result.extraSecondaryRate)} of one-ask messages`,
    ...confusionTable(result.pairs),
  ];
  const confusions = result.pairs.filter((p) => p.expected !== p.predicted).slice(0, MOST_COMMON);
  lines.push(
    confusions.length
      ? `most common confusions: ${confusions.map((c) => `${c.expected} -> ${c.predicted} x${c.count}`).join(', ')}`
      : 'no confusions',
  );
  if (withMisses) lines.push(...result.misses.map((m) => `  miss: ${m.expected} -> ${m.predicted}: ${m.text}`));
  return lines.join('\n');
}

/** Rows are expected intents, columns predicted ones; only intents that occur get a row or a column. */
function confusionTable(pairs: readonly Confusion[]): string[] {
  const inOrder = (present: Set<IntentLabel>) => INTENT_LABELS.filter((label) => present.has(label));
  const rows = inOrder(new Set(pairs.map((p) => p.expected)));
  const columns = inOrder(new Set(pairs.map((p) => p.predicted)));
  const count = (expected: IntentLabel, predicted: IntentLabel) =>
    pairs.find((p) => p.expected === expected && p.predicted === predicted)?.count ?? 0;
  const nameWidth = Math.max(...rows.map((r) => r.length), 'expected \\ predicted'.length);
  const cell = (text: string) => text.padStart(5);
  return [
    `${'expected \\ predicted'.padEnd(nameWidth)}${columns.map((c) => cell(abbreviate(c))).join('')}`,
    ...rows.map(
      (row) => `${row.padEnd(nameWidth)}${columns.map((col) => cell(String(count(row, col) || '.'))).join('')}`,
    ),
    ...wrap(`columns: ${columns.map((c) => `${abbreviate(c)}=${c}`).join(' ')}`),
  ];
}

/** Keeps the legend inside a terminal: breaks between entries, continuation lines indented. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function formatOverall(report: EvalReport): string {
  const perLanguage = report.languages.map((l) => `${l.lang} ${percent(l.accuracy)}`).join(', ');
  const verdict = report.failing.length
    ? `FAIL: ${report.failing.join(', ')} below ${percent(report.minAccuracy)}`
    : `every language at or above ${percent(report.minAccuracy)}`;
  return `overall: ${report.count} messages, accuracy ${percent(report.accuracy)} (${perLanguage}); ${verdict}`;
}

/** Three letters tell the fifteen labels apart, so the table fits an 80-column terminal. */
function abbreviate(label: IntentLabel): string {
  return label.slice(0, 3);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
