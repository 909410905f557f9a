/**
 * `pnpm eval:intents [--file other.jsonl] [--misses] [--set key=value ...]`
 * Trains the intent classifier from the corpus, scores a labelled file kept apart from it, prints per
 * language the accuracy, the `unknown` rate, how often the second ask was found, a confusion table, and a
 * reliability table; exits 1 when a language falls below 90% or the file is bad. `--set` tries another
 * setting of triage-data/classifier.json without writing it (`pnpm triage:train` chooses them).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClassifierSettings, loadClassifierSettings } from '../src/triage/classifier-settings.js';
import { formatEvalReport } from '../src/triage/eval-report.js';
import { DEFAULT_EVAL_FILE, EvalFileError, readEvalFile } from '../src/triage/eval-set.js';
import { evaluateClassifier } from '../src/triage/evaluate.js';
import { createIntentClassifier } from '../src/triage/intent-classifier.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    misses: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  },
});

async function main(): Promise<number> {
  // pnpm runs this script from apps/server; a relative --file means relative to where the command was typed.
  const file = values.file ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.file) : DEFAULT_EVAL_FILE;
  const examples = await readEvalFile(file);
  const overrides = Object.fromEntries(values.set.map((pair) => pair.split('=')).map(([k, v]) => [k, Number(v)]));
  const settings = ClassifierSettings.parse({ ...loadClassifierSettings(), ...overrides });
  const classifier = await createIntentClassifier({ settings });
  console.log(
    `trained on ${classifier.examples} messages in ${classifier.trainingMs} ms; threshold ${classifier.threshold}; ` +
      `${examples.length} examples from ${file}\n`,
  );
  const report = await evaluateClassifier(classifier, examples);
  console.log(formatEvalReport(report, { misses: values.misses }));
  return report.failing.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EvalFileError ? error.message : error);
    process.exit(1);
  },
);
