import { fileURLToPath } from 'node:url';

// "@switchboard/server/internals": the few pieces tests and bench legitimately reach below the public face
// (to seed a database directly, sign like Meta, start the server as its own process).
export { TokenService } from './domain/auth/token.js';
export { isValidSignature } from './ingest/index.js';
export { freePort } from './lib/free-port.js';
export { keyedId } from './lib/keyed-id.js';
export { createModels, type Models } from './models/index.js';
export {
  dayDocsOf,
  FactsCache,
  MemoryFactsStore,
  ReportDays,
  ReportDaySealer,
  ReportReducer,
} from './reports/index.js';
export { sharedIntentClassifier } from './triage/index.js';
export { SearchIndex, SearchService } from './search/index.js';

/** The server's folder and its process entry, for a test or benchmark that runs it as a child process. */
export const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
