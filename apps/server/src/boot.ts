import { createApp, type App } from './app.js';
import type { Config } from './lib/config.js';
import { connectDatabase } from './db/connect.js';
import { openDatabase } from './db/embedded-database.js';
import type { Logger } from './lib/logger.js';

export type RunningServer = { app: App; url: string; databaseKind: string; stop(): Promise<void> };

/** config -> database -> createApp -> listen, and the reverse on stop. */
export async function bootServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase({ uri: config.MONGODB_URI, dataDir: config.DATA_DIR, logger });
  const connection = await connectDatabase(database.uri, config.MONGODB_DB_NAME, config.MONGODB_MAX_POOL_SIZE);
  const app = await createApp({ config, connection, logger });
  const url = await app.listen();
  return {
    app,
    url,
    databaseKind: database.kind,
    async stop() {
      await app.close();
      await connection.close();
      await database.stop();
    },
  };
}
