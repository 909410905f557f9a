import { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Config } from './lib/config.js';
import type { DomainEvents } from './domain/domain-events.js';
import type { Services } from './services.js';
import type { Logger } from './lib/logger.js';
import type { Models } from './models/index.js';
import { queueStates } from './routing/queue-state.js';
import type { AppSocketServer } from './socket/socket-server.js';
import { httpMetrics } from './http/http-metrics.js';
import { createMetrics } from './lib/metrics.js';
import { metricsRoute } from './http/metrics.route.js';
import { observeBreakers, observeDatabase, observeDomainEvents, observeIntake } from './listeners/metrics.listener.js';
import { requestContext } from './http/request-context.js';

type Deps = { config: Config; logger: Logger; connection: Connection; models: Models; services: Services };

/** A scrape must answer even while the database does not: shared-state gauges then keep their last values. */
const SCRAPE_READ_MS = 2000;

/** Metrics, request ids and correlated logs for one app; `createApp` wires each piece where it belongs. */
export function createObservability({ config, logger, connection, models, services }: Deps) {
  let io: AppSocketServer | null = null;
  const readOrNull = <T>(read: () => Promise<T>) => () => withinOrNull(read(), logger);
  const metrics = createMetrics({
    intakeBacklog: readOrNull(() => models.WebhookIntake.estimatedDocumentCount()),
    queueStates: readOrNull(() => queueStates(models, services.agents)),
    socketsConnected: () => io?.of('/').sockets.size ?? 0,
  });

  const http = Router();
  http.use(requestContext(logger), httpMetrics(metrics));
  http.get('/metrics', metricsRoute(metrics.registry, config.METRICS_TOKEN));

  return {
    metrics,
    /** Request ids, correlation, request logs and HTTP metrics, then `GET /metrics`: mount before the routes. */
    http,
    observeIntake: observeIntake(metrics),
    observeBreakers: (breakers: Parameters<typeof observeBreakers>[0]) => observeBreakers(breakers, metrics),
    /** Starts following pushes, sockets and database round trips; returns the stop. */
    watch(server: AppSocketServer, events: DomainEvents): () => void {
      io = server;
      const stopEvents = observeDomainEvents(events, metrics, logger);
      const stopDatabase = observeDatabase(connection.getClient(), metrics);
      return () => {
        stopEvents();
        stopDatabase();
      };
    },
  };
}

export type Observability = ReturnType<typeof createObservability>;

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
