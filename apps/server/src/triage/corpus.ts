import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueLines } from '@switchboard/shared';
import { z } from 'zod';
import { INTENT_LABELS, TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../triage-data/corpus/', import.meta.url));

/** NLP.js's own corpus format, so the files can also be loaded by its tools; `unknown` holds off-topic chatter. */
const CorpusFileSchema = z.object({
  name: z.string().min(1),
  locale: z.string().min(2),
  data: z
    .array(
      z.object({
        intent: z.enum(INTENT_LABELS),
        utterances: z.array(z.string().trim().min(1, 'an utterance is empty')).min(5, 'needs at least 5 utterances'),
      }),
    )
    .min(1),
});

export interface CorpusExample {
  readonly text: string;
  readonly intent: IntentLabel;
}

export type Corpus = Readonly<Record<TriageLanguage, readonly CorpusExample[]>>;

export async function loadCorpus(corpusDir: string = DEFAULT_CORPUS_DIR): Promise<Corpus> {
  const entries = await Promise.all(
    TRIAGE_LANGUAGES.map(async (lang) => [lang, await loadCorpusFile(path.join(corpusDir, `${lang}.json`))] as const),
  );
  return Object.fromEntries(entries) as Record<TriageLanguage, CorpusExample[]>;
}

async function loadCorpusFile(file: string): Promise<CorpusExample[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`corpus ${file}: ${(error as Error).message}`);
  }
  const parsed = CorpusFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`corpus ${file} is invalid: ${issueLines(parsed.error.issues).join('; ')}`);
  }
  return parsed.data.data.flatMap(({ intent, utterances }) => utterances.map((text) => ({ text, intent })));
}
