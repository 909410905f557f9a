import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { inMemoryLimiters, type LimiterSpec, type RateLimiterFactory } from '../lib/rate-limiters.js';

export type { LimiterSpec, RateLimiterFactory };

/** At most `points` sends per fixed window of `durationMs`. */
export interface SendLimit {
  points: number;
  durationMs: number;
}

export interface SendRateLimitOptions {
  /** Cloud API throughput per business number: 80 messages/s by default (Meta's throughput page). */
  perNumber?: SendLimit;
  /** One business number to one customer; see DEFAULT_PAIR_LIMIT. */
  perPair?: SendLimit;
  /** Where limiter state lives: process memory unless Redis is given (`redisLimiters`), shared by every process. */
  createLimiter?: RateLimiterFactory;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

export interface SendRateLimits {
  /** Takes one send from both budgets, or neither: a refused send leaves no trace in either. */
  reserve(phoneNumberId: string, recipient: string): Promise<Reservation>;
  /**
   * Gives the customer's pair point back for a send WhatsApp refused: Meta's pair limit counts messages
   * that reached the customer, so a failed try must not delay the retry that will.
   */
  refund(phoneNumberId: string, recipient: string): Promise<void>;
}

export const DEFAULT_NUMBER_LIMIT: SendLimit = { points: 80, durationMs: 1000 };

/**
 * Meta's pair rate limit is about 1 message every 6 s to the same customer (error 131056), with short
 * bursts tolerated and paid back later (up to 45 in 6 s, per Meta's throughput/pair-rate docs as mirrored
 * by BSPs). 3 per 18 s keeps that average while letting an agent send two or three lines in a row.
 */
export const DEFAULT_PAIR_LIMIT: SendLimit = { points: 3, durationMs: 18_000 };

/** "+55 11 98765-4321" and "5511987654321" are one customer; business-scoped ids stay as they are. */
const recipientKey = (recipient: string) =>
  /^\+?[\d\s().-]+$/.test(recipient) ? recipient.replace(/\D/g, '') : recipient;

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when its store fails. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<Reservation> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(0, rejection.msBeforeNext) };
    throw rejection;
  }
}

export function createSendRateLimits(options: SendRateLimitOptions = {}): SendRateLimits {
  const create = options.createLimiter ?? inMemoryLimiters;
  const spec = (keyPrefix: string, limit: SendLimit): LimiterSpec => ({
    keyPrefix,
    points: limit.points,
    duration: limit.durationMs / 1000,
  });
  const perNumber = create(spec('wa-send-number', options.perNumber ?? DEFAULT_NUMBER_LIMIT));
  const perPair = create(spec('wa-send-pair', options.perPair ?? DEFAULT_PAIR_LIMIT));

  return {
    async reserve(phoneNumberId, recipient) {
      // The pair goes first: one chatty conversation must not spend the number's budget for everyone else.
      const pairKey = `${phoneNumberId}:${recipientKey(recipient)}`;
      const pair = await take(perPair, pairKey);
      if (!pair.ok) return pair;
      const number = await take(perNumber, phoneNumberId);
      if (!number.ok) await perPair.reward(pairKey);
      return number;
    },
    async refund(phoneNumberId, recipient) {
      await perPair.reward(`${phoneNumberId}:${recipientKey(recipient)}`);
    },
  };
}
