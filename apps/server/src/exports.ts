// The server package's public face ("@switchboard/server"): what starts and runs a server. Other workspace
// packages (the development stack, bench, the test harness) import the server through this file only.
export { createApp, type App, type AppDeps } from './app.js';
export { bootServer, type RunningServer } from './boot.js';
export { connectDatabase } from './db/connect.js';
export { DatabaseUnavailableError, openDatabase, type DatabaseHandle } from './db/embedded-database.js';
export { ConfigError, loadConfig, type Config } from './lib/config.js';
export { createLogger, type Logger } from './lib/logger.js';
export { loadTemplateSeed } from './outbound/index.js';
export { loadQueueSeed } from './routing/index.js';
