import { FEATURE_COUNT, type SparseVector } from './features.js';

/**
 * Multinomial logistic regression over hashed sparse features, trained with AdaGrad. A linear model on
 * words and character n-grams is the strongest classifier a few thousand short texts support, trains in
 * about a second, and gives probabilities that a single temperature makes honest (see calibration.ts).
 */
export interface TrainingExample {
  readonly features: SparseVector;
  /** Index of the class, or a distribution over classes (a message with a secondary ask). */
  readonly target: number | readonly (readonly [number, number])[];
  readonly weight?: number;
}

export interface TrainingOptions {
  readonly classes: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty per update on the weights an example touches. */
  readonly l2: number;
  readonly seed: number;
}

export interface LinearModel {
  readonly classes: number;
  /** Row-major: FEATURE_COUNT rows of `classes` weights. */
  readonly weights: Float32Array;
}

const MIN_ERROR = 1e-3;

export function trainSoftmaxRegression(examples: readonly TrainingExample[], options: TrainingOptions): LinearModel {
  const { classes, epochs, learningRate, l2 } = options;
  const weights = new Float32Array(FEATURE_COUNT * classes);
  const squaredGradients = new Float32Array(FEATURE_COUNT * classes).fill(1e-6);
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  const probabilities = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    for (const at of order) {
      const example = examples[at]!;
      scoreInto(weights, classes, example.features, probabilities);
      softmaxInPlace(probabilities, 1);
      const target = targetDistribution(example.target, classes);
      const weight = example.weight ?? 1;
      const { indices, values } = example.features;
      for (let c = 0; c < classes; c += 1) {
        const error = weight * (probabilities[c]! - target[c]!);
        // A class the model already scores right has nothing to learn here: skipping it is most of the speed.
        if (Math.abs(error) < MIN_ERROR) continue;
        for (let f = 0; f < indices.length; f += 1) {
          const cell = indices[f]! * classes + c;
          const gradient = error * values[f]! + l2 * weights[cell]!;
          squaredGradients[cell]! += gradient * gradient;
          weights[cell]! -= (learningRate * gradient) / Math.sqrt(squaredGradients[cell]!);
        }
      }
    }
  }
  return { classes, weights };
}

/** Raw class scores (logits) of one message. */
export function scores(model: LinearModel, features: SparseVector): Float64Array {
  const out = new Float64Array(model.classes);
  scoreInto(model.weights, model.classes, features, out);
  return out;
}

/** Turns logits into probabilities, in place; a temperature above 1 softens overconfident scores. */
export function softmaxInPlace(logits: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const value of logits) max = Math.max(max, value);
  let sum = 0;
  for (let c = 0; c < logits.length; c += 1) {
    logits[c] = Math.exp((logits[c]! - max) / temperature);
    sum += logits[c]!;
  }
  for (let c = 0; c < logits.length; c += 1) logits[c]! /= sum;
  return logits;
}

function scoreInto(weights: Float32Array, classes: number, features: SparseVector, out: Float64Array): void {
  out.fill(0);
  const { indices, values } = features;
  for (let f = 0; f < indices.length; f += 1) {
    const row = indices[f]! * classes;
    const value = values[f]!;
    for (let c = 0; c < classes; c += 1) out[c]! += weights[row + c]! * value;
  }
}

function targetDistribution(target: TrainingExample['target'], classes: number): Float64Array {
  const out = new Float64Array(classes);
  if (typeof target === 'number') out[target] = 1;
  else for (const [c, p] of target) out[c]! += p;
  return out;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** A small seeded generator: the same corpus always trains the same model. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
