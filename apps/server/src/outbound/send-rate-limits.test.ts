import { describe, it, expect } from 'vitest';
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createSendRateLimits, type LimiterSpec } from './send-rate-limits.js';

const NUMBER = '106540352242922';
const customers = (n: number) => Array.from({ length: n }, (_, i) => `55119876500${String(i).padStart(2, '0')}`);

describe('send rate limits', () => {
  it('refuses a second immediate send to one customer while another customer still goes through', async () => {
    const limits = createSendRateLimits({ perPair: { points: 1, durationMs: 6000 } });
    expect(await limits.reserve(NUMBER, '5511987654321')).toEqual({ ok: true });
    const second = await limits.reserve(NUMBER, '+55 11 98765-4321');
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.retryAfterMs).toBeGreaterThan(0);
    if (!second.ok) expect(second.retryAfterMs).toBeLessThanOrEqual(6000);
    expect(await limits.reserve(NUMBER, '14155550123')).toEqual({ ok: true });
    expect(await limits.reserve('999888777666', '5511987654321')).toEqual({ ok: true });
  });

  it('lets an agent send three lines in a row by default, then holds the fourth', async () => {
    const limits = createSendRateLimits();
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await limits.reserve(NUMBER, '5511987654321'));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
  });

  it('a send WhatsApp refused gives its pair point back, so the retry is not held', async () => {
    const limits = createSendRateLimits({ perPair: { points: 1, durationMs: 6000 } });
    expect(await limits.reserve(NUMBER, '5511987654321')).toEqual({ ok: true });
    await limits.refund(NUMBER, '+55 11 98765-4321');
    expect(await limits.reserve(NUMBER, '5511987654321')).toEqual({ ok: true });
    expect((await limits.reserve(NUMBER, '5511987654321')).ok).toBe(false);
  });

  it("caps a burst at the number's throughput", async () => {
    const limits = createSendRateLimits({ perNumber: { points: 5, durationMs: 60_000 } });
    const outcomes = await Promise.all(customers(8).map((to) => limits.reserve(NUMBER, to)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(3);
  });

  it("does not spend the number's budget on a send the pair limit refused", async () => {
    const limits = createSendRateLimits({
      perNumber: { points: 2, durationMs: 60_000 },
      perPair: { points: 1, durationMs: 60_000 },
    });
    expect((await limits.reserve(NUMBER, '5511987654321')).ok).toBe(true);
    expect((await limits.reserve(NUMBER, '5511987654321')).ok).toBe(false);
    expect((await limits.reserve(NUMBER, '14155550123')).ok).toBe(true);
    expect((await limits.reserve(NUMBER, '447700900123')).ok).toBe(false);
  });

  it("gives the pair its point back when the number's budget refuses the send", async () => {
    const created = new Map<string, RateLimiterAbstract>();
    const limits = createSendRateLimits({
      perNumber: { points: 1, durationMs: 60_000 },
      createLimiter: (spec: LimiterSpec) => {
        const limiter = new RateLimiterMemory(spec);
        created.set(spec.keyPrefix, limiter);
        return limiter;
      },
    });
    await limits.reserve(NUMBER, '14155550123');
    expect((await limits.reserve(NUMBER, '5511987654321')).ok).toBe(false);
    const pair = await created.get('wa-send-pair')?.get(`${NUMBER}:5511987654321`);
    expect(pair?.consumedPoints ?? 0).toBe(0);
  });

  it('lets a failing shared store surface as an error rather than as a limit', async () => {
    class BrokenStore extends RateLimiterMemory {
      override consume(): never {
        throw new Error('redis unreachable');
      }
    }
    const limits = createSendRateLimits({ createLimiter: (spec) => new BrokenStore(spec) });
    await expect(limits.reserve(NUMBER, '5511987654321')).rejects.toThrow('redis unreachable');
  });
});
