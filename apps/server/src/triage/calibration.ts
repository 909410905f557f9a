import type { HeldOutPrediction } from './cross-validate.js';
import { bestLabel } from './cross-validate.js';
import { INTENT_LABELS } from './intents.js';
import { calibrate } from './model/intent-model.js';
import { secondAsk } from './model/second-ask.js';

const TEMPERATURES = Array.from({ length: 51 }, (_, i) => Math.round(50 + i * 5) / 100);
const THRESHOLDS = Array.from({ length: 13 }, (_, i) => Math.round(i * 5) / 100);

/** The temperature that makes held-out probabilities honest: the one with the lowest log loss. */
export function fitTemperature(predictions: readonly HeldOutPrediction[]): number {
  const logLoss = (temperature: number) =>
    predictions.reduce((sum, p) => {
      const calibrated = calibrate(p.probabilities, temperature);
      return sum - Math.log(Math.max(calibrated[INTENT_LABELS.indexOf(p.expected)]!, 1e-12));
    }, 0);
  return TEMPERATURES.reduce((best, t) => (logLoss(t) < logLoss(best) ? t : best), 1);
}

/**
 * The highest `unknown` threshold that costs less than half a point of held-out accuracy against the
 * best one: an unsure message is better left to a person than mislabelled, but not at any price.
 */
export function chooseThreshold(predictions: readonly HeldOutPrediction[], temperature: number): number {
  const answers = predictions.map((p) => ({ ...bestLabel(calibrate(p.probabilities, temperature)), p }));
  const accuracy = (threshold: number) =>
    answers.filter((a) => (a.intent !== 'unknown' && a.confidence >= threshold ? a.intent : 'unknown') === a.p.expected)
      .length / answers.length;
  const top = Math.max(...THRESHOLDS.map(accuracy));
  return THRESHOLDS.filter((t) => accuracy(t) >= top - 0.005).at(-1) ?? 0;
}

/**
 * The confidence above which a part of a message is its second ask (see second-ask.ts): the one that
 * maximises right second asks minus wrong ones (shown on a one-ask message, or the wrong one).
 */
export function chooseSecondaryThreshold(predictions: readonly HeldOutPrediction[], temperature: number): number {
  const read = predictions.map((p) => ({
    primary: bestLabel(calibrate(p.probabilities, temperature)).intent,
    parts: p.parts.map((part) => calibrate(part, temperature)),
    expected: p.secondary,
  }));
  const gain = (threshold: number) =>
    read.reduce((sum, r) => {
      const found = secondAsk(r.primary, r.parts, threshold);
      return found ? sum + (found.intent === r.expected ? 1 : -1) : sum;
    }, 0);
  const candidates = Array.from({ length: 19 }, (_, i) => Math.round(5 + i * 5) / 100);
  return candidates.reduce((best, t) => (gain(t) > gain(best) ? t : best), 1);
}

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

const BIN_EDGES = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

/** Of the answers given each confidence, how many were right: a calibrated model's two columns agree. */
export function reliabilityTable(answers: readonly { confidence: number; correct: boolean }[]): ReliabilityBin[] {
  return BIN_EDGES.slice(0, -1).map((from, i) => {
    const to = BIN_EDGES[i + 1]!;
    const inBin = answers.filter((a) => a.confidence >= from && a.confidence < to);
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
    return {
      from,
      to: Math.min(to, 1),
      count: inBin.length,
      meanConfidence: mean(inBin.map((a) => a.confidence)),
      accuracy: mean(inBin.map((a) => (a.correct ? 1 : 0))),
    };
  });
}

export function formatReliability(bins: readonly ReliabilityBin[]): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);
  return [
    'confidence   count  mean confidence  accuracy',
    ...bins
      .filter((b) => b.count)
      .map(
        (b) =>
          `${b.from.toFixed(2)}-${b.to.toFixed(2)}  ${String(b.count).padStart(6)}  ${pct(b.meanConfidence).padStart(15)}  ${pct(b.accuracy).padStart(8)}`,
      ),
  ].join('\n');
}
