import type { ClassifierSettings } from './classifier-settings.js';
import type { Corpus } from './corpus.js';
import { INTENT_LABELS, TRIAGE_LANGUAGES, type IntentLabel, type TriageLanguage } from './intents.js';
import { trainIntentModel } from './model/intent-model.js';

export interface HeldOutPrediction {
  readonly source: string;
  readonly lang: TriageLanguage;
  readonly expected: IntentLabel;
  readonly secondary: IntentLabel | null;
  /** Uncalibrated (temperature 1) probabilities, in INTENT_LABELS order: of the message, and of its parts. */
  readonly probabilities: Float64Array;
  readonly parts: readonly Float64Array[];
}

/**
 * Leave-one-writer-out cross-validation: each writer's messages are scored by a model trained on everyone
 * else's. Messages by a writer the model never read are what it meets in production and on the blind
 * sets, so this, not a random split (where a writer's habits vouch for themselves), is where the
 * calibration and the thresholds are chosen. The evaluation sets never shape the model.
 */
export function crossValidate(corpus: Corpus, settings: ClassifierSettings): HeldOutPrediction[] {
  const all = TRIAGE_LANGUAGES.flatMap((lang) => corpus[lang].map((example) => ({ ...example, lang })));
  const sources = [...new Set(all.map((e) => e.source))];
  if (sources.length < 2) throw new Error('cross-validation needs messages from at least two writers');
  return sources.flatMap((source) => {
    const model = trainIntentModel(
      all.filter((e) => e.source !== source),
      { ...settings, temperature: 1 },
    );
    return all
      .filter((e) => e.source === source)
      .map((e) => ({
        source,
        lang: e.lang,
        expected: e.intent,
        secondary: e.secondary ?? null,
        ...model.read(e.text),
      }));
  });
}

/** The label a probability vector names (before the `unknown` threshold). */
export function bestLabel(probabilities: Float64Array): { intent: IntentLabel; confidence: number } {
  let best = 0;
  for (let c = 1; c < probabilities.length; c += 1) if (probabilities[c]! > probabilities[best]!) best = c;
  return { intent: INTENT_LABELS[best]!, confidence: probabilities[best]! };
}
