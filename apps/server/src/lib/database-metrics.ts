import type { mongo } from 'mongoose';
import type { Metrics } from './metrics.js';

/** Commands whose first field names no collection (handshakes, monitoring). */
const NO_COLLECTION = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'endSessions',
  'getMore',
  'killCursors',
]);

/**
 * Counts every command the app's database client sends, by collection and command, and times it: the round
 * trips behind each piece of work, read from the driver's command monitoring.
 */
export function observeDatabase(client: mongo.MongoClient, metrics: Metrics): () => void {
  const started = new Map<number, { collection: string; command: string }>();
  const onStarted = (event: mongo.CommandStartedEvent) => {
    const target = event.command[event.commandName] as unknown;
    const collection = typeof target === 'string' && !NO_COLLECTION.has(event.commandName) ? target : '-';
    started.set(event.requestId, { collection, command: event.commandName });
  };
  const onEnded = (outcome: 'ok' | 'error') => (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent) => {
    const command = started.get(event.requestId);
    if (!command) return;
    started.delete(event.requestId);
    metrics.dbCommands.inc({ ...command, outcome });
    metrics.dbDuration.observe({ command: command.command }, event.duration / 1000);
  };
  const onSucceeded = onEnded('ok');
  const onFailed = onEnded('error');
  client.on('commandStarted', onStarted);
  client.on('commandSucceeded', onSucceeded);
  client.on('commandFailed', onFailed);
  return () => {
    client.off('commandStarted', onStarted);
    client.off('commandSucceeded', onSucceeded);
    client.off('commandFailed', onFailed);
  };
}
