import { bootServer } from './boot.js';
import { ConfigError, loadConfig } from './lib/config.js';
import { DatabaseUnavailableError } from './db/embedded-database.js';
import { createLogger } from './lib/logger.js';
import { RedisUnavailableError } from './lib/redis.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const server = await bootServer(config, logger);
  logger.info({ url: server.url, database: server.databaseKind }, `Switchboard server listening on ${server.url}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof RedisUnavailableError
      ? error.message
      : error,
  );
  process.exit(1);
});
