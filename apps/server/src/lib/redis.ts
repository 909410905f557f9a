import { createClient } from 'redis';
import type { Logger } from './logger.js';

export type RedisClient = ReturnType<typeof createClient>;

/** The one Redis connection a process shares between live updates (Socket.IO adapter) and rate limits. */
export type SharedRedis = { client: RedisClient; close(): Promise<void> };

export class RedisUnavailableError extends Error {}

/**
 * Connects at start, so a wrong REDIS_URL stops the start with a message naming it rather than failing the
 * first reply. Later outages are retried by the client; until it is back, each process limits on its own
 * (see rate-limiters.ts) and live updates reach only the sockets of the process that made them.
 */
export async function connectRedis(url: string, logger: Logger): Promise<SharedRedis> {
  const client = createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  let connected = false;
  // node-redis emits 'error' on every failed reconnect; without a listener Node would crash the process.
  client.on('error', (error: unknown) => {
    if (connected) logger.warn({ err: error }, 'Redis connection lost; reconnecting');
  });
  try {
    await connectOnce(client);
  } catch (error) {
    client.destroy();
    throw new RedisUnavailableError(
      `Cannot reach Redis at REDIS_URL (${redactedUrl(url)}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  connected = true;
  return {
    client,
    async close() {
      connected = false;
      if (client.isOpen) await client.close();
    },
  };
}

/** The first connection gets one try: retrying forever at start would hide a wrong URL. */
async function connectOnce(client: RedisClient): Promise<void> {
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  client.once('error', fail);
  try {
    await Promise.race([client.connect(), failed]);
  } finally {
    client.off('error', fail);
  }
}

const redactedUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
