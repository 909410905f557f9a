import { loadCorpus, type Corpus, type CorpusExample } from './corpus.js';
import { createIntentClassifier } from './intent-classifier.js';
import { TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';

const THRESHOLDS = [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];

interface HeldOut {
  readonly lang: TriageLanguage;
  readonly expected: IntentLabel;
  /** The classifier's answer with no threshold, and its confidence, so every threshold can be tried on it. */
  readonly best: IntentLabel;
  readonly confidence: number;
  readonly languageDetected: boolean;
}

export interface CrossValidation {
  readonly folds: number;
  readonly sweep: readonly { threshold: number; accuracy: Readonly<Record<TriageLanguage, number>>; overall: number }[];
  readonly bestThreshold: number;
  /** Share of held-out examples whose language was told right, per language. */
  readonly languageAccuracy: Readonly<Record<TriageLanguage, number>>;
}

/**
 * K-fold cross-validation on the training corpus: the honest place to tune the `unknown` threshold, since the
 * evaluation set must never shape the model. Examples are folded by their position within their intent, so
 * the corpora's parallel translations of one message land in the same fold and cannot vouch for each other.
 */
export async function crossValidate(folds = 5, corpus?: Corpus): Promise<CrossValidation> {
  const full = corpus ?? (await loadCorpus());
  const heldOut: HeldOut[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const split = TRIAGE_LANGUAGES.map((lang) => [lang, foldOf(full[lang], folds, fold)] as const);
    const train = Object.fromEntries(split.map(([lang, s]) => [lang, s.train])) as Record<
      TriageLanguage,
      CorpusExample[]
    >;
    const classifier = await createIntentClassifier({ corpus: train, threshold: 0 });
    for (const [lang, { test }] of split) {
      for (const example of test) {
        const { intent, confidence, language } = await classifier.classify(example.text);
        heldOut.push({ lang, expected: example.intent, best: intent, confidence, languageDetected: language === lang });
      }
    }
  }
  const sweep = THRESHOLDS.map((threshold) => {
    const hit = (h: HeldOut) => (h.best !== 'unknown' && h.confidence >= threshold ? h.best : 'unknown') === h.expected;
    const share = (items: HeldOut[]) => items.filter(hit).length / items.length;
    const accuracy = Object.fromEntries(
      TRIAGE_LANGUAGES.map((lang) => [lang, share(heldOut.filter((h) => h.lang === lang))]),
    );
    return { threshold, accuracy: accuracy as Record<TriageLanguage, number>, overall: share(heldOut) };
  });
  // An unsure message is better left `unknown` for a person than mislabelled: take the highest threshold
  // that costs less than half a point of accuracy against the best one.
  const top = Math.max(...sweep.map((s) => s.overall));
  const best = sweep.filter((s) => s.overall >= top - 0.005).at(-1) ?? sweep[0]!;
  const languageAccuracy = Object.fromEntries(
    TRIAGE_LANGUAGES.map((lang) => {
      const mine = heldOut.filter((h) => h.lang === lang);
      return [lang, mine.filter((h) => h.languageDetected).length / mine.length];
    }),
  ) as Record<TriageLanguage, number>;
  return { folds, sweep, bestThreshold: best.threshold, languageAccuracy };
}

function foldOf(examples: readonly CorpusExample[], folds: number, fold: number) {
  const seen = new Map<IntentLabel, number>();
  const train: CorpusExample[] = [];
  const test: CorpusExample[] = [];
  for (const example of examples) {
    const position = seen.get(example.intent) ?? 0;
    seen.set(example.intent, position + 1);
    (position % folds === fold ? test : train).push(example);
  }
  return { train, test };
}

export function formatCrossValidation(result: CrossValidation): string {
  const rows = result.sweep.map(
    ({ threshold, accuracy, overall }) =>
      `${threshold.toFixed(2).padStart(9)}  ${TRIAGE_LANGUAGES.map((l) => pct(accuracy[l])).join('  ')}  ${pct(overall)}`,
  );
  return [
    `${result.folds}-fold cross-validation on the training corpus (held-out accuracy by threshold)`,
    `threshold  ${TRIAGE_LANGUAGES.map((l) => l.padStart(6)).join('  ')}  overall`,
    ...rows,
    `best threshold: ${result.bestThreshold}`,
    `language told right: ${TRIAGE_LANGUAGES.map((l) => `${l} ${pct(result.languageAccuracy[l]).trim()}`).join(', ')}`,
  ].join('\n');
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}
