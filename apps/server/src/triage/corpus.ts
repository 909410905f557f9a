import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueLines } from '@switchboard/shared';
import { z } from 'zod';
import { evalSetTexts, readEvalFile } from './eval-set.js';
import { INTENT_LABELS, TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';
import { comparableText } from './text-normalizer.js';

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../triage-data/corpus/', import.meta.url));

/** The first corpus, in NLP.js's own format (one file per language); `unknown` holds off-topic chatter. */
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
  /** The second ask of a message that asks two things. */
  readonly secondary?: IntentLabel;
  /** Who wrote it (`v1`, `writer-1`, `corrections`...): cross-validation holds out one writer at a time. */
  readonly source: string;
}

export type Corpus = Readonly<Record<TriageLanguage, readonly CorpusExample[]>>;

// `writer-1.es.jsonl`: one writer's messages in one language, in the evaluation files' line format.
const LINES_FILE = /^(?<source>[a-z0-9-]+)\.(?<lang>[a-z]{2})\.jsonl$/;

/**
 * `<lang>.json` (the first corpus) plus every `<source>.<lang>.jsonl` in the folder, less any text an evaluation
 * set holds: a set added later (written apart, it may share short common asks such as "opt out") is still never
 * trained on.
 */
export async function loadCorpus(corpusDir: string = DEFAULT_CORPUS_DIR): Promise<Corpus> {
  const files = await readdir(corpusDir);
  const evalTexts = await evalSetTexts();
  const unseen = (examples: CorpusExample[]) => examples.filter((e) => !evalTexts.has(comparableText(e.text)));
  const entries = await Promise.all(
    TRIAGE_LANGUAGES.map(async (lang) => {
      const first = await loadCorpusFile(path.join(corpusDir, `${lang}.json`));
      const sources = files.flatMap((name) => {
        const groups = LINES_FILE.exec(name)?.groups;
        return groups?.lang === lang && groups.source ? [groups.source] : [];
      });
      const more = await Promise.all(
        sources.map((source) => loadLinesFile(path.join(corpusDir, `${source}.${lang}.jsonl`), source)),
      );
      return [lang, unseen([...first, ...more.flat()])] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<TriageLanguage, CorpusExample[]>;
}

/** Every example, in the order training takes them: one model for the three languages. */
export function trainingExamples(corpus: Corpus): CorpusExample[] {
  return TRIAGE_LANGUAGES.flatMap((lang) => corpus[lang]);
}

/** Adds examples (people's corrections) to a corpus, each in its language. */
export function withExamples(corpus: Corpus, extra: readonly (CorpusExample & { lang: TriageLanguage })[]): Corpus {
  return Object.fromEntries(
    TRIAGE_LANGUAGES.map((lang) => [
      lang,
      [...corpus[lang], ...extra.filter((e) => e.lang === lang).map(({ lang: _lang, ...example }) => example)],
    ]),
  ) as Record<TriageLanguage, CorpusExample[]>;
}

async function loadLinesFile(file: string, source: string): Promise<CorpusExample[]> {
  const lines = await readEvalFile(file);
  return lines.map(({ text, intent, secondary }) => ({ text, intent, source, ...(secondary ? { secondary } : {}) }));
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
  return parsed.data.data.flatMap(({ intent, utterances }) =>
    utterances.map((text) => ({ text, intent, source: 'v1' })),
  );
}
