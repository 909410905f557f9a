import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from './redis.js';

/** rate-limiter-flexible's own constructor options, as every limiter of ours needs them. */
export interface LimiterSpec {
  keyPrefix: string;
  points: number;
  /** Seconds, as rate-limiter-flexible counts them. */
  duration: number;
}

/** Where limiter state lives: this process's memory, or Redis when several processes must share one budget. */
export type RateLimiterFactory = (spec: LimiterSpec) => RateLimiterAbstract;

export const inMemoryLimiters: RateLimiterFactory = (spec) => new RateLimiterMemory(spec);

/**
 * Limits shared by every process on one Redis. While Redis cannot answer, each process falls back to a
 * limit of its own (rate-limiter-flexible's insurance limiter) rather than stopping sends and logins.
 * Redis keys expire in whole seconds, so a window is rounded up to at least one second.
 */
export function redisLimiters(client: RedisClient): RateLimiterFactory {
  return (spec) => {
    const shared = { ...spec, duration: Math.max(1, Math.ceil(spec.duration)) };
    return new RateLimiterRedis({
      ...shared,
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(shared),
    });
  };
}
