import { INTENT_LABELS, type IntentLabel } from '../intents.js';
import type { CorpusExample } from '../corpus.js';
import { featurize } from './features.js';
import { askParts } from './first-ask.js';
import { scores, softmaxInPlace, trainSoftmaxRegression, type LinearModel } from './softmax-regression.js';

/** How the model is trained and read: triage-data/classifier.json, written by `pnpm triage:train`. */
export interface ModelSettings {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** How much the opening of a two-part message counts beside the whole message (see first-ask.ts). */
  readonly firstAskWeight: number;
  /** Share of a two-ask training message's target that goes to its secondary ask. */
  readonly secondaryShare: number;
  /** Divides log-probabilities: fitted by cross-validation so a 90% answer is right about 90% of the time. */
  readonly temperature: number;
}

export interface IntentReading {
  /** Calibrated probability of every label, in INTENT_LABELS order. */
  readonly probabilities: Float64Array;
  /** The same for each part of a message that has several (see first-ask.ts); empty for one part. */
  readonly parts: readonly Float64Array[];
}

export interface IntentModel {
  read(text: string): IntentReading;
}

/** The seed of training's shuffles: the same corpus always trains the same weights. */
export const SEED = 17;

export function trainIntentModel(examples: readonly CorpusExample[], settings: ModelSettings): IntentModel {
  return intentModelOf(trainIntentWeights(examples, settings), settings);
}

export function trainIntentWeights(examples: readonly CorpusExample[], settings: ModelSettings): LinearModel {
  const index = (label: IntentLabel) => INTENT_LABELS.indexOf(label);
  return trainSoftmaxRegression(
    examples.map(({ text, intent, secondary }) => ({
      features: featurize(text),
      target:
        secondary && settings.secondaryShare > 0
          ? [
              [index(intent), 1 - settings.secondaryShare],
              [index(secondary), settings.secondaryShare],
            ]
          : index(intent),
    })),
    {
      classes: INTENT_LABELS.length,
      epochs: settings.epochs,
      learningRate: settings.learningRate,
      l2: settings.l2,
      seed: SEED,
    },
  );
}

/** Reads messages with trained weights (trained here or read from the file `pnpm triage:train` writes). */
export function intentModelOf(model: LinearModel, settings: ModelSettings): IntentModel {
  const probabilities = (text: string) => softmaxInPlace(scores(model, featurize(text)), 1);
  return {
    read(text) {
      const whole = probabilities(text);
      const parts = askParts(text).map(probabilities);
      const first = parts[0];
      const blended = first
        ? whole.map((p, c) => (p + settings.firstAskWeight * first[c]!) / (1 + settings.firstAskWeight))
        : whole;
      return {
        probabilities: calibrate(blended, settings.temperature),
        parts: parts.map((part) => calibrate(part, settings.temperature)),
      };
    },
  };
}

/** Temperature scaling of probabilities: p^(1/T), renormalised. T = 1 leaves them as they are. */
export function calibrate(probabilities: Float64Array, temperature: number): Float64Array {
  if (temperature === 1) return probabilities;
  const scaled = probabilities.map((p) => Math.pow(Math.max(p, 1e-12), 1 / temperature));
  const sum = scaled.reduce((a, b) => a + b, 0);
  return scaled.map((p) => p / sum);
}
