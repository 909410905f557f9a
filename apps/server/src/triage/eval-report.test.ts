import { describe, expect, it } from 'vitest';
import { formatEvalReport } from './eval-report.js';
import type { EvalReport } from './evaluate.js';

const report: EvalReport = {
  count: 4,
  accuracy: 0.75,
  minAccuracy: 0.9,
  failing: ['en'],
  languages: [
    {
      lang: 'en',
      count: 4,
      correct: 3,
      accuracy: 0.75,
      languageAccuracy: 1,
      pairs: [
        { expected: 'order_status', predicted: 'order_status', count: 2 },
        { expected: 'refund_request', predicted: 'refund_request', count: 1 },
        { expected: 'order_status', predicted: 'delivery_problem', count: 1 },
      ],
      misses: [{ text: 'still nothing??', expected: 'order_status', predicted: 'delivery_problem' }],
      unknownRate: 0,
      falseUnknownRate: 0,
      secondaryAccuracy: 0.5,
      secondaryCount: 2,
      extraSecondaryRate: 0.25,
    },
  ],
  answers: [
    { confidence: 0.97, correct: true },
    { confidence: 0.92, correct: true },
    { confidence: 0.55, correct: true },
    { confidence: 0.52, correct: false },
  ],
};

describe('formatEvalReport', () => {
  it('prints a confusion table with only the intents that occur, expected in rows and predicted in columns', () => {
    const lines = formatEvalReport(report).split('\n');
    expect(lines[0]).toBe('== en: 4 messages, accuracy 75.0% (3/4), language detected 100.0% ==');
    expect(lines[1]).toBe(
      'unknown: 0.0% of messages (0.0% with a real intent); second ask right 50.0% of 2, second ask shown on 25.0% of one-ask messages',
    );
    expect(lines[2]?.split(/\s+/).slice(-3)).toEqual(['ord', 'del', 'ref']);
    expect(lines[3]?.split(/\s+/)).toEqual(['order_status', '2', '1', '.']);
    expect(lines[4]?.split(/\s+/)).toEqual(['refund_request', '.', '.', '1']);
    expect(lines).toContain('most common confusions: order_status -> delivery_problem x1');
    expect(lines.at(-1)).toBe('overall: 4 messages, accuracy 75.0% (en 75.0%); FAIL: en below 90.0%');
  });

  it('lists the missed messages only when asked', () => {
    expect(formatEvalReport(report)).not.toContain('still nothing??');
    expect(formatEvalReport(report, { misses: true })).toContain(
      'miss: order_status -> delivery_problem: still nothing??',
    );
  });

  it('prints a reliability table: per confidence band, how many answers and how many were right', () => {
    const text = formatEvalReport(report);
    expect(text).toMatch(/0\.50-0\.60 +2 +53\.5% +50\.0%/);
    expect(text).toMatch(/0\.90-0\.95 +1 +92\.0% +100\.0%/);
  });
});
