/**
 * `pnpm --filter @switchboard/server exec tsx scripts/import-corpus.ts <writer-folder> <name>`
 * Brings a writer's {en,es,pt}.jsonl into triage-data/corpus/<name>.<lang>.jsonl, checked against the
 * intent definitions (triage-data/intents.md):
 * - every line must parse, in the evaluation sets' format;
 * - a message that leads with a complaint but asks for a refund, a human or reports a delivery problem
 *   has that ask as its primary ("complaint ... not this intent when the main ask is a refund, a
 *   cancellation or a human"; a delivery problem is the more specific ask): the pair is swapped;
 * - a text that is also in an evaluation file is left out, so no set scores what the model was taught.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CORPUS_DIR } from '../src/triage/corpus.js';
import { evalSetTexts, readEvalFile, type EvalExample } from '../src/triage/eval-set.js';
import { TRIAGE_LANGUAGES, type IntentLabel } from '../src/triage/intents.js';
import { comparableText } from '../src/triage/text-normalizer.js';

const SPECIFIC_OVER_COMPLAINT = new Set<IntentLabel>(['refund_request', 'talk_to_human', 'delivery_problem']);

async function main(): Promise<void> {
  const [folder, name] = process.argv.slice(2);
  if (!folder || !name || !/^[a-z0-9-]+$/.test(name)) throw new Error('usage: import-corpus.ts <folder> <name>');
  const evalTexts = await evalSetTexts();
  for (const lang of TRIAGE_LANGUAGES) {
    const lines = await readEvalFile(path.join(folder, `${lang}.jsonl`));
    const kept = lines.filter((line) => line.lang === lang && !evalTexts.has(comparableText(line.text)));
    const relabelled = kept.map(checkAgainstDefinitions);
    const swapped = relabelled.filter((line, i) => line !== kept[i]).length;
    const out = path.join(DEFAULT_CORPUS_DIR, `${name}.${lang}.jsonl`);
    await writeFile(out, relabelled.map((line) => JSON.stringify(line)).join('\n') + '\n');
    console.log(`${out}: ${relabelled.length} lines (${lines.length - kept.length} left out, ${swapped} relabelled)`);
  }
}

function checkAgainstDefinitions(line: EvalExample): EvalExample {
  if (line.intent === 'complaint' && line.secondary && SPECIFIC_OVER_COMPLAINT.has(line.secondary)) {
    return { ...line, intent: line.secondary, secondary: 'complaint' };
  }
  return line;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
