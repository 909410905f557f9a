import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitTemperature, reliabilityTable } from './calibration.js';
import type { HeldOutPrediction } from './cross-validate.js';
import { INTENT_LABELS, type IntentLabel } from './intents.js';

/** A held-out answer that gives `guess` the probability `p` and shares the rest evenly. */
function answer(expected: IntentLabel, guess: IntentLabel, p: number): HeldOutPrediction {
  const probabilities = new Float64Array(INTENT_LABELS.length).fill((1 - p) / (INTENT_LABELS.length - 1));
  probabilities[INTENT_LABELS.indexOf(guess)] = p;
  return { source: 'test', lang: 'en', expected, secondary: null, probabilities, parts: [] };
}

/** `right` of every ten answers at probability p name the expected intent. */
function answers(p: number, right: number): HeldOutPrediction[] {
  return Array.from({ length: 10 }, (_, i) => answer('order_status', i < right ? 'order_status' : 'refund_request', p));
}

describe('calibration', () => {
  it('softens an overconfident model (99% sure, 70% right) with a temperature above 1', () => {
    expect(fitTemperature(answers(0.99, 7))).toBeGreaterThan(1);
  });

  it('sharpens an underconfident model (60% sure, 100% right) with a temperature below 1', () => {
    expect(fitTemperature(answers(0.6, 10))).toBeLessThan(1);
  });

  it('sets the unknown threshold above the unsure answers that are mostly wrong', () => {
    const mix = [...answers(0.95, 10), ...answers(0.2, 2)];
    const threshold = chooseThreshold(
      mix.map((p, i) => (i >= 10 && i % 10 >= 2 ? { ...p, expected: 'unknown' as const } : p)),
      1,
    );
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThanOrEqual(0.95);
  });

  it('bins answers by confidence and counts the share right in each bin', () => {
    const bins = reliabilityTable([
      { confidence: 0.93, correct: true },
      { confidence: 0.91, correct: false },
      { confidence: 0.99, correct: true },
    ]);
    expect(bins.find((b) => b.from === 0.9)).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(bins.find((b) => b.from === 0.95)).toMatchObject({ count: 1, accuracy: 1 });
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });
});
