import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { connectDatabase } from './db/connect.js';
import { DatabaseUnavailableError, openDatabase } from './db/embedded-database.js';
import { createLogger } from './lib/logger.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ uri: config.MONGODB_URI, dataDir: config.DATA_DIR, logger });
  const connection = await connectDatabase(database.uri, config.MONGODB_DB_NAME);
  const app = await createApp({ config, connection, logger });
  const url = await app.listen();
  logger.info({ url, database: database.kind }, `Switchboard server listening on ${url}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
