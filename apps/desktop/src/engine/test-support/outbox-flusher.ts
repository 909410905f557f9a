import { createSyncEngine } from '../sync-engine.js';

/**
 * A desktop process for the crash test: it starts on a cache whose outbox holds replies, says each time one
 * is acknowledged, and waits to be killed. Arguments: serverUrl token cacheFile.
 */
const [serverUrl, token, cacheFile] = process.argv.slice(2);
if (!serverUrl || !token || !cacheFile) throw new Error('usage: outbox-flusher serverUrl token cacheFile');

const engine = createSyncEngine({ serverUrl, token, cacheFile });
engine.subscribe('outbox-changed', (entry) => {
  if (entry.state === 'sent') process.stdout.write(`sent ${entry.clientMessageId}\n`);
});
await engine.start();
setInterval(() => undefined, 60_000);
