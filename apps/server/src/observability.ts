import type { Logger } from './lib/logger.js';
import { createMetrics, type Metrics } from './lib/metrics.js';
import type { Models } from './models/index.js';
import { queueStates, type AgentService } from './routing/index.js';
import type { AppSocketServer } from './socket/socket-server.js';

type Sources = { models: Models; agents: AgentService; logger: Logger; sockets: () => AppSocketServer | null };

/** A scrape must answer even while the database does not: shared-state gauges then keep their last values. */
const SCRAPE_READ_MS = 2000;

/** The app's metrics, with the shared state (backlog, dead letters, queues, sockets) they read when Prometheus scrapes. */
export function createAppMetrics({ models, agents, logger, sockets }: Sources): Metrics {
  const readOrNull =
    <T>(read: () => Promise<T>) =>
    () =>
      withinOrNull(read(), logger);
  return createMetrics({
    intakeBacklog: readOrNull(() => models.WebhookIntake.estimatedDocumentCount()),
    deadLetters: readOrNull(() => models.WebhookDeadLetter.estimatedDocumentCount()),
    queueStates: readOrNull(() => queueStates(models, agents)),
    socketsConnected: () => sockets()?.of('/').sockets.size ?? 0,
  });
}

async function withinOrNull<T>(read: Promise<T>, logger: Logger): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SCRAPE_READ_MS);
  });
  try {
    return await Promise.race([read, deadline]);
  } catch (error) {
    logger.warn({ err: error }, 'metrics: shared state not read; gauges keep their last values');
    return null;
  } finally {
    clearTimeout(timer);
  }
}
