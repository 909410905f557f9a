import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import type { Express } from 'express';
import { DomainEvents } from './domain/domain-events.js';
import { createExpressApp } from './http/express-app.js';
import { WebhookIntakeStore } from './ingest/index.js';
import type { Config } from './lib/config.js';
import { observeDatabase } from './lib/database-metrics.js';
import type { Logger } from './lib/logger.js';
import { inMemoryLimiters, redisLimiters } from './lib/rate-limiters.js';
import { connectRedis } from './lib/redis.js';
import { registerListeners } from './listeners/index.js';
import { createModels, ensureIndexes, type Models } from './models/index.js';
import { createAppMetrics } from './observability.js';
import { createServices, type Services } from './services.js';
import { createSocketServer, type AppSocketServer } from './socket/socket-server.js';
import { sharedIntentClassifier } from './triage/index.js';
import { createWorkers } from './workers.js';

export type AppDeps = { config: Config; connection: Connection; logger: Logger };

type Workers = ReturnType<typeof createWorkers>;

export type App = {
  httpServer: HttpServer;
  /** The HTTP routes (tests compare them with the OpenAPI document). */
  express: Express;
  io: AppSocketServer;
  models: Models;
  services: Services;
  events: DomainEvents;
  intakeWorker: Workers['intakeWorker'];
  outboxWorker: Workers['outboxWorker'];
  routingWorker: Workers['routingWorker'];
  listen(port?: number, host?: string): Promise<string>;
  /** Stops everything that uses the database; the connection itself is the caller's to close, after. */
  close(): Promise<void>;
};

/** Builds the whole server on a database connection; tests start it on port 0 with real clients. */
export async function createApp({ config, connection, logger }: AppDeps): Promise<App> {
  // Only several processes need Redis (shared live updates and rate limits); one process needs only the database.
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, logger) : null;
  const limiters = redis ? redisLimiters(redis.client) : inMemoryLimiters;
  const models = createModels(connection);
  await ensureIndexes(models);
  const events = new DomainEvents();
  const services = createServices(models, config, events, await sharedIntentClassifier(), logger);
  await services.users.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  await services.priorityRules.load();
  await services.slaPolicies.load();
  let io: AppSocketServer | null = null;
  const metrics = createAppMetrics({ models, agents: services.agents, logger, sockets: () => io });
  const workers = createWorkers({ config, services, events, metrics, limiters, logger });

  const intake = new WebhookIntakeStore(models);
  const express = createExpressApp({
    config,
    connection,
    logger,
    metrics,
    services: { ...services, inboundDeadLetters: workers.inboundDeadLetters },
    limiters,
    intake,
    onWebhookStored: workers.intakeWorker.hand,
  });
  const httpServer = createServer(express);
  const sockets = createSocketServer(httpServer, services, logger, redis?.client);
  io = sockets;
  const stopListening = registerListeners({
    events,
    io: sockets,
    users: services.users,
    sla: services.sla,
    models,
    triage: services.triage,
    mentions: services.mentions,
    outbox: workers.outboxWorker,
    searchIndex: services.searchIndex,
    reports: { reducer: services.reportReducer, online: services.agentOnline },
    csatSurvey: services.csatSurvey,
    metrics,
    logger,
  });
  const stopObservingDatabase = observeDatabase(connection.getClient(), metrics);
  workers.start();

  return {
    httpServer,
    express,
    io: sockets,
    models,
    services,
    events,
    intakeWorker: workers.intakeWorker,
    outboxWorker: workers.outboxWorker,
    routingWorker: workers.routingWorker,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://${host}:${actual}`);
        });
      });
    },
    async close() {
      stopListening();
      stopObservingDatabase();
      await workers.stop();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await services.presence.settled();
      services.searchIndex.close();
      await redis?.close();
    },
  };
}
