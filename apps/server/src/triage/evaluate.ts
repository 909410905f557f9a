import type { IntentClassifier } from './intent-classifier.js';
import { TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';
import type { EvalExample } from './eval-set.js';

/** The acceptance bar: every language must reach it. */
export const MIN_ACCURACY = 0.9;

export interface Confusion {
  readonly expected: IntentLabel;
  readonly predicted: IntentLabel;
  readonly count: number;
}

export interface LanguageResult {
  readonly lang: TriageLanguage;
  readonly count: number;
  readonly correct: number;
  readonly accuracy: number;
  /** How often the classifier named this language itself (the eval never passes it as a hint). */
  readonly languageAccuracy: number;
  /** Every (expected, predicted) pair that occurred, correct ones included, most frequent first. */
  readonly pairs: readonly Confusion[];
  readonly misses: readonly { text: string; expected: IntentLabel; predicted: IntentLabel }[];
  /** Share of messages the classifier called `unknown`, and of those whose label is a real intent. */
  readonly unknownRate: number;
  readonly falseUnknownRate: number;
  /** Of the messages labelled with a second ask, how many got that second ask (null: none labelled). */
  readonly secondaryAccuracy: number | null;
  readonly secondaryCount: number;
  /** Of the messages labelled with one ask, how many were shown a second one anyway. */
  readonly extraSecondaryRate: number;
}

export interface EvalReport {
  readonly languages: readonly LanguageResult[];
  readonly count: number;
  readonly accuracy: number;
  readonly minAccuracy: number;
  /** Languages below minAccuracy: a non-empty list fails the run. */
  readonly failing: readonly TriageLanguage[];
  /** Every answer's confidence and whether it was right, for the reliability table. */
  readonly answers: readonly { confidence: number; correct: boolean }[];
}

export async function evaluateClassifier(
  classifier: IntentClassifier,
  examples: readonly EvalExample[],
  minAccuracy = MIN_ACCURACY,
): Promise<EvalReport> {
  const results: Scored[] = [];
  for (const example of examples) {
    const { intent, language, confidence, secondary } = await classifier.classify(example.text);
    results.push({ ...example, predicted: intent, detected: language, confidence, predictedSecondary: secondary });
  }
  const languages = TRIAGE_LANGUAGES.flatMap((lang): LanguageResult[] => {
    const mine = results.filter((r) => r.lang === lang);
    if (!mine.length) return [];
    const counts = new Map<string, Confusion>();
    for (const { intent, predicted } of mine) {
      const key = `${intent}>${predicted}`;
      counts.set(key, { expected: intent, predicted, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    const correct = mine.filter((r) => r.predicted === r.intent).length;
    const twoAsks = mine.filter((r) => r.secondary);
    const oneAsk = mine.filter((r) => !r.secondary);
    return [
      {
        lang,
        count: mine.length,
        correct,
        accuracy: correct / mine.length,
        languageAccuracy: mine.filter((r) => r.detected === lang).length / mine.length,
        pairs: [...counts.values()].sort((a, b) => b.count - a.count),
        misses: mine
          .filter((r) => r.predicted !== r.intent)
          .map((r) => ({ text: r.text, expected: r.intent, predicted: r.predicted })),
        unknownRate: share(mine, (r) => r.predicted === 'unknown'),
        falseUnknownRate: share(mine, (r) => r.predicted === 'unknown' && r.intent !== 'unknown'),
        secondaryAccuracy: twoAsks.length ? share(twoAsks, (r) => r.predictedSecondary === r.secondary) : null,
        secondaryCount: twoAsks.length,
        extraSecondaryRate: share(oneAsk, (r) => r.predictedSecondary !== null),
      },
    ];
  });
  const correct = languages.reduce((sum, l) => sum + l.correct, 0);
  return {
    languages,
    count: results.length,
    accuracy: correct / results.length,
    minAccuracy,
    failing: languages.filter((l) => l.accuracy < minAccuracy).map((l) => l.lang),
    answers: results.map((r) => ({ confidence: r.confidence, correct: r.predicted === r.intent })),
  };
}

type Scored = EvalExample & {
  predicted: IntentLabel;
  detected: TriageLanguage;
  confidence: number;
  predictedSecondary: IntentLabel | null;
};

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : 0;
}
