// The sync engine as other packages see it ("@switchboard/desktop/engine"): bench drives it through here.
export { openCache, type Cache } from './db/cache.js';
export { createSyncEngine, OUTBOX_CONCURRENCY, type SyncEngine, type SyncEngineOptions } from './sync-engine.js';
