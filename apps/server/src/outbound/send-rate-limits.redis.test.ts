import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendRateLimits } from './send-rate-limits.js';
import { freePort } from '@switchboard/test-support/server-process';
import { startRedisServer, type TestRedis } from '@switchboard/test-support/redis';
import { createLogger } from '../lib/logger.js';
import { redisLimiters } from '../lib/rate-limiters.js';
import { connectRedis, RedisUnavailableError, type SharedRedis } from '../lib/redis.js';

const NUMBER = '106540352242922';
const logger = createLogger('silent');

let redis: TestRedis;
const connections: SharedRedis[] = [];
const connect = async (url = redis.url) => {
  const connection = await connectRedis(url, logger);
  connections.push(connection);
  return connection;
};

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const connection of connections) await connection.close();
  await redis?.stop();
});

describe('rate limits on Redis', () => {
  it('two processes spend one budget per customer', async () => {
    const [a, b] = [await connect(), await connect()];
    const perPair = { points: 3, durationMs: 18_000 };
    const processA = createSendRateLimits({ perPair, createLimiter: redisLimiters(a.client) });
    const processB = createSendRateLimits({ perPair, createLimiter: redisLimiters(b.client) });
    const outcomes = [
      await processA.reserve(NUMBER, '5511987650001'),
      await processB.reserve(NUMBER, '+55 11 98765-0001'),
      await processA.reserve(NUMBER, '5511987650001'),
      await processB.reserve(NUMBER, '5511987650001'),
    ];
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
  });

  it('a point one process gives back is free for the other', async () => {
    const [a, b] = [await connect(), await connect()];
    const processA = createSendRateLimits({
      perPair: { points: 2, durationMs: 18_000 },
      createLimiter: redisLimiters(a.client),
    });
    const processB = createSendRateLimits({
      perPair: { points: 2, durationMs: 18_000 },
      createLimiter: redisLimiters(b.client),
    });
    await processA.reserve(NUMBER, '5511987650011');
    await processA.reserve(NUMBER, '5511987650011');
    await processA.refund(NUMBER, '5511987650011');
    expect((await processB.reserve(NUMBER, '5511987650011')).ok).toBe(true);
    expect((await processB.reserve(NUMBER, '5511987650011')).ok).toBe(false);
  });

  it('a window shorter than a second still expires (Redis keeps whole seconds)', async () => {
    const limits = createSendRateLimits({
      perPair: { points: 1, durationMs: 200 },
      createLimiter: redisLimiters((await connect()).client),
    });
    expect((await limits.reserve(NUMBER, '5511987650002')).ok).toBe(true);
    const held = await limits.reserve(NUMBER, '5511987650002');
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.retryAfterMs).toBeLessThanOrEqual(1000);
  });

  it('keeps limiting, per process, while Redis cannot answer', async () => {
    const connection = await connect();
    const limits = createSendRateLimits({
      perPair: { points: 1, durationMs: 60_000 },
      createLimiter: redisLimiters(connection.client),
    });
    await connection.close();
    expect((await limits.reserve(NUMBER, '5511987650003')).ok).toBe(true);
    expect((await limits.reserve(NUMBER, '5511987650003')).ok).toBe(false);
  });

  it('stops the start with a clear message when REDIS_URL points nowhere', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(connectRedis(url, logger)).rejects.toThrow(RedisUnavailableError);
    await expect(connectRedis(url, logger)).rejects.toThrow(/Cannot reach Redis at REDIS_URL/);
  });
});
