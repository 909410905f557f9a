import { describe, it, expect } from 'vitest';
import { nextRetryDelayMs } from './retry-backoff.js';

const HIGHEST = () => 0.999999;

/** A small seeded generator (LCG) so the jitter test sees many draws yet repeats exactly. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('nextRetryDelayMs', () => {
  it('doubles the ceiling with every failure, from baseMs', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => nextRetryDelayMs(attempt, { random: HIGHEST }));
    expect(ceilings).toEqual([999, 1999, 3999, 7999, 15_999]);
  });

  it('never computes more than capMs, however many failures', () => {
    expect(nextRetryDelayMs(12, { random: HIGHEST })).toBe(299_999);
    expect(nextRetryDelayMs(5000, { random: HIGHEST })).toBe(299_999);
    expect(nextRetryDelayMs(3, { baseMs: 500, capMs: 1500, random: HIGHEST })).toBe(1499);
  });

  it('draws each delay uniformly between zero and the ceiling (full jitter)', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 500 }, () => nextRetryDelayMs(4, { random }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(8000);
    expect(Math.min(...delays)).toBeLessThan(1000);
    expect(Math.max(...delays)).toBeGreaterThan(7000);
    expect(nextRetryDelayMs(1, { random: () => 0 })).toBe(0);
  });

  it('waits at least as long as WhatsApp or the breaker asked, even past the cap', () => {
    expect(nextRetryDelayMs(1, { retryAfterMs: 7000, random: HIGHEST })).toBe(7000);
    expect(nextRetryDelayMs(20, { retryAfterMs: 600_000, random: HIGHEST })).toBe(600_000);
    expect(nextRetryDelayMs(5, { retryAfterMs: 100, random: HIGHEST })).toBe(15_999);
    expect(nextRetryDelayMs(2, { retryAfterMs: null, random: () => 0.5 })).toBe(1000);
  });

  it('refuses an attempt count that is not a positive integer', () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(RangeError);
  });
});
