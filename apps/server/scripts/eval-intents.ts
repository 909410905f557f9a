/**
 * `pnpm eval:intents [--file other.jsonl] [--misses] [--cross-validate]`
 * Trains the intent classifier from the corpus, scores a labelled file kept apart from it, prints accuracy
 * and a confusion table per language, and exits 1 when a language falls below 90% or the file is bad.
 * --cross-validate instead scores the corpus against itself, fold by fold, to choose the threshold.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate, formatCrossValidation } from '../src/triage/cross-validate.js';
import { formatEvalReport } from '../src/triage/eval-report.js';
import { DEFAULT_EVAL_FILE, EvalFileError, readEvalFile } from '../src/triage/eval-set.js';
import { evaluateClassifier } from '../src/triage/evaluate.js';
import { createIntentClassifier } from '../src/triage/intent-classifier.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    misses: { type: 'boolean', default: false },
    'cross-validate': { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  if (values['cross-validate']) {
    console.log(formatCrossValidation(await crossValidate()));
    return 0;
  }
  // pnpm runs this script from apps/server; a relative --file means relative to where the command was typed.
  const file = values.file ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.file) : DEFAULT_EVAL_FILE;
  const examples = await readEvalFile(file);
  const classifier = await createIntentClassifier();
  console.log(
    `trained in ${classifier.trainingMs} ms; threshold ${classifier.threshold}; ${examples.length} examples from ${file}\n`,
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
