import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueLines } from '@switchboard/shared';
import { z } from 'zod';
import { INTENT_LABELS, TRIAGE_LANGUAGES } from './intents.js';
import { comparableText } from './text-normalizer.js';

export const DEFAULT_EVAL_FILE = fileURLToPath(new URL('../../triage-data/eval/intents.eval.jsonl', import.meta.url));

const EvalLine = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty'),
  lang: z.enum(TRIAGE_LANGUAGES),
  intent: z.enum(INTENT_LABELS),
  /** The second ask of a message that asks two things; never `unknown`. */
  secondary: z.enum(INTENT_LABELS).exclude(['unknown']).optional(),
});
export type EvalExample = z.infer<typeof EvalLine>;

export class EvalFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} has ${problems.length} bad line(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** One JSON object per line (evaluation sets and the writers' corpus files alike); blank lines are skipped. Every bad line is reported by number, and none is used. */
export async function readEvalFile(file: string = DEFAULT_EVAL_FILE): Promise<EvalExample[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new EvalFileError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  const examples: EvalExample[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${where}: not valid JSON`);
      return;
    }
    const parsed = EvalLine.safeParse(json);
    if (parsed.success) examples.push(parsed.data);
    else problems.push(...issueLines(parsed.error.issues).map((line) => `${where}: ${line}`));
  });
  if (problems.length) throw new EvalFileError(file, problems);
  if (!examples.length) throw new EvalFileError(file, ['has no examples']);
  return examples;
}

/** Every evaluation file kept beside the default one (triage-data/eval/*.jsonl). */
export async function evalFiles(evalDir: string = path.dirname(DEFAULT_EVAL_FILE)): Promise<string[]> {
  const names = (await readdir(evalDir)).filter((name) => name.endsWith('.jsonl')).sort();
  return names.map((name) => path.join(evalDir, name));
}

/** The texts of every evaluation set, compared loosely: training data must hold none of them. */
export async function evalSetTexts(evalDir?: string): Promise<Set<string>> {
  const texts = new Set<string>();
  for (const file of await evalFiles(evalDir)) {
    for (const { text } of await readEvalFile(file)) texts.add(comparableText(text));
  }
  return texts;
}
