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
    },
  ],
};

describe('formatEvalReport', () => {
  it('prints a confusion table with only the intents that occur, expected in rows and predicted in columns', () => {
    const lines = formatEvalReport(report).split('\n');
    expect(lines[0]).toBe('== en: 4 messages, accuracy 75.0% (3/4), language detected 100.0% ==');
    expect(lines[1]?.split(/\s+/).slice(-3)).toEqual(['ord', 'del', 'ref']);
    expect(lines[2]?.split(/\s+/)).toEqual(['order_status', '2', '1', '.']);
    expect(lines[3]?.split(/\s+/)).toEqual(['refund_request', '.', '.', '1']);
    expect(lines).toContain('most common confusions: order_status -> delivery_problem x1');
    expect(lines.at(-1)).toBe('overall: 4 messages, accuracy 75.0% (en 75.0%); FAIL: en below 90.0%');
  });

  it('lists the missed messages only when asked', () => {
    expect(formatEvalReport(report)).not.toContain('still nothing??');
    expect(formatEvalReport(report, { misses: true })).toContain(
      'miss: order_status -> delivery_problem: still nothing??',
    );
  });
});
