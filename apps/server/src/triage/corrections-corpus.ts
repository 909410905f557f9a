import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Models } from '../models/index.js';
import { DEFAULT_CORPUS_DIR } from './corpus.js';
import type { EvalExample } from './eval-set.js';
import { INTENT_LABELS, TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';
import { comparableText } from './text-normalizer.js';

/** The corpus source people's corrections train as: corpus/corrections.<lang>.jsonl. */
export const CORRECTIONS_SOURCE = 'corrections';

export interface CorrectionRecord {
  readonly text: string;
  readonly language: TriageLanguage;
  readonly to: IntentLabel;
  readonly at: Date;
}

/** Every correction people made, oldest first. */
export async function readCorrections(models: Models): Promise<CorrectionRecord[]> {
  const docs = await models.IntentCorrection.find({}).sort({ createdAt: 1, _id: 1 }).lean();
  return docs.flatMap((doc) => {
    const language = doc.language as TriageLanguage;
    const to = doc.to as IntentLabel;
    if (!TRIAGE_LANGUAGES.includes(language) || !INTENT_LABELS.includes(to)) return [];
    return [{ text: doc.text, language, to, at: (doc as { createdAt?: Date }).createdAt ?? new Date(0) }];
  });
}

export interface CorrectionLines {
  readonly lines: EvalExample[];
  /** Corrections of a text an evaluation set holds: never trained on, so the sets stay unseen. */
  readonly inEvalSets: number;
  /** Older corrections of a text corrected again later: the latest word counts. */
  readonly superseded: number;
}

/** Corrections as training lines, one per text (the latest correction wins), none from an evaluation set. */
export function correctionLines(records: readonly CorrectionRecord[], evalTexts: ReadonlySet<string>): CorrectionLines {
  const latest = new Map<string, CorrectionRecord>();
  let inEvalSets = 0;
  for (const record of [...records].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = comparableText(record.text);
    if (evalTexts.has(key)) inEvalSets += 1;
    else latest.set(key, record);
  }
  const lines = [...latest.values()].map(({ text, language, to }) => ({ text, lang: language, intent: to }));
  return { lines, inEvalSets, superseded: records.length - inEvalSets - lines.length };
}

/** Writes corrections.<lang>.jsonl for each language that has some (removing a stale one), which loadCorpus trains on. */
export async function writeCorrectionFiles(
  lines: readonly EvalExample[],
  corpusDir: string = DEFAULT_CORPUS_DIR,
): Promise<Record<TriageLanguage, number>> {
  const counts = { en: 0, es: 0, pt: 0 };
  for (const lang of TRIAGE_LANGUAGES) {
    const mine = lines.filter((line) => line.lang === lang);
    counts[lang] = mine.length;
    const file = path.join(corpusDir, `${CORRECTIONS_SOURCE}.${lang}.jsonl`);
    if (mine.length) await writeFile(file, mine.map((line) => `${JSON.stringify(line)}\n`).join(''));
    else await rm(file, { force: true });
  }
  return counts;
}
