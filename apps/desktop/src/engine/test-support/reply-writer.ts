import { createSyncEngine } from '../sync-engine.js';

/**
 * A desktop process for the crash test: it writes one reply and reports the moment it is stored, then waits
 * to be killed. Arguments: serverUrl token cacheFile conversationId body.
 */
const [serverUrl, token, cacheFile, conversationId, body] = process.argv.slice(2);
if (!serverUrl || !token || !cacheFile || !conversationId || !body)
  throw new Error('usage: reply-writer serverUrl token cacheFile conversationId body');

const engine = createSyncEngine({ serverUrl, token, cacheFile });
await engine.start();
const entry = await engine.sendReply(conversationId, { type: 'text', body });
process.stdout.write(`stored ${entry.clientMessageId}\n`);
setInterval(() => undefined, 60_000);
