import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Types, type Connection } from 'mongoose';
import type { Config } from './lib/config.js';
import { DomainEvents } from './domain/domain-events.js';
import { createServices, type Services } from './services.js';
import { requireAuth } from './http/auth.middleware.js';
import { errorHandler, notFoundHandler } from './http/error.middleware.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { authRoutes } from './http/routes/auth.routes.js';
import { createLoginLimiter } from './http/login-limiter.js';
import { channelRoutes } from './http/routes/channels.routes.js';
import { conversationRoutes } from './http/routes/conversations.routes.js';
import { conversationActionRoutes } from './http/routes/conversation-actions.routes.js';
import { contactRoutes } from './http/routes/contacts.routes.js';
import { healthRoutes } from './http/routes/health.routes.js';
import { templateRoutes } from './http/routes/templates.routes.js';
import { userRoutes } from './http/routes/users.routes.js';
import { IntakeWorker } from './ingest/intake.worker.js';
import { WebhookIntakeStore } from './ingest/webhook-intake.store.js';
import { WebhookProcessor } from './ingest/webhook.processor.js';
import { whatsappWebhook } from './ingest/whatsapp.webhook.js';
import { outboundRoutes } from './http/routes/outbound.routes.js';
import { routingRoutes } from './http/routes/routing.routes.js';
import { botAdminRoutes, botApiRoutes } from './http/routes/bot.routes.js';
import { createChannelBreakers } from './outbound/channel-breaker.js';
import { OutboxWorker } from './outbound/outbox.worker.js';
import { RoutingWorker } from './routing/routing.worker.js';
import { sharedIntentClassifier } from './triage/triage.service.js';
import { Coalescer } from './lib/coalescer.js';
import type { ConversationDoc } from './models/conversation.model.js';
import { PollingLoop } from './lib/polling-loop.js';
import { createSendRateLimits } from './outbound/send-rate-limits.js';
import { inMemoryLimiters, redisLimiters } from './lib/rate-limiters.js';
import { connectRedis } from './lib/redis.js';
import type { Logger } from './lib/logger.js';
import { createObservability } from './observability.js';
import { BookkeepingRetention, SWEEP_EVERY_MS } from './domain/bookkeeping-retention.js';
import { createModels, ensureIndexes, type Models } from './models/index.js';
import { startBroadcaster } from './listeners/socket-push.listener.js';
import { createSocketServer, type AppSocketServer } from './socket/socket-server.js';

/** Snoozes end at a minute a person chose: checking every second is precise enough. */
const SNOOZE_CHECK_MS = 1000;

export type AppDeps = { config: Config; connection: Connection; logger: Logger };

export type App = {
  httpServer: HttpServer;
  io: AppSocketServer;
  models: Models;
  services: Services;
  events: DomainEvents;
  intakeWorker: IntakeWorker;
  outboxWorker: OutboxWorker;
  routingWorker: RoutingWorker;
  listen(port?: number, host?: string): Promise<string>;
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
  const services = createServices(models, config, events, await sharedIntentClassifier());
  await services.users.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const observability = createObservability({ config, logger, connection, models, services });

  const intakeWorker = new IntakeWorker(models, new WebhookProcessor(services), {
    concurrency: config.INTAKE_CONCURRENCY,
    maxAttempts: config.INTAKE_MAX_ATTEMPTS,
    leaseMs: config.INTAKE_LEASE_SECONDS * 1000,
    logger,
    observe: observability.observeIntake,
  });

  const outboxWorker = new OutboxWorker({
    models,
    messages: services.messages,
    client: services.whatsapp,
    breakers: observability.observeBreakers(createChannelBreakers({ failureThreshold: config.BREAKER_FAILURE_THRESHOLD, halfOpenAfterMs: config.BREAKER_HALF_OPEN_SECONDS * 1000 })),
    rateLimits: createSendRateLimits({ perNumber: { points: config.RATE_LIMIT_PER_NUMBER, durationMs: 1000 }, createLimiter: limiters }),
    config,
    logger,
  });
  events.on('outbox.queued', outboxWorker.kick);
  const routingWorker = new RoutingWorker({
    models,
    router: services.router,
    agents: services.agents,
    triage: services.triage,
    presence: services.presence,
    events,
    graceMs: config.AGENT_GRACE_SECONDS * 1000,
    intervalMs: config.ROUTING_INTERVAL_MS,
    logger,
  });

  const slaWorker = new PollingLoop({ concurrency: 1, pollMs: config.SLA_CHECK_INTERVAL_MS, step: () => services.sla.checkDue(), logger, name: 'sla' });
  const slaReconciler = new PollingLoop({
    concurrency: 1,
    pollMs: config.SLA_RECONCILE_INTERVAL_MS,
    step: () => reconcileSla(services.sla, config.SLA_RECONCILE_INTERVAL_MS, logger),
    logger,
    name: 'sla-reconcile',
  });
  const snoozeWorker = new PollingLoop({ concurrency: 1, pollMs: SNOOZE_CHECK_MS, step: () => services.snoozes.wakeDue(), logger, name: 'snooze' });
  const retention = new BookkeepingRetention(models, randomUUID());
  const retentionWorker = new PollingLoop({ concurrency: 1, pollMs: SWEEP_EVERY_MS, step: () => sweepBookkeeping(retention, logger), logger, name: 'bookkeeping-retention' });
  const slaFollower = new Coalescer<ConversationDoc>(
    (conversationId, seen) => services.sla.sync(new Types.ObjectId(conversationId), seen),
    (error) => logger.warn({ err: error }, 'SLA timers not updated'),
  );
  events.on('conversation.saved', (conversation) => slaFollower.request(conversation.id, conversation));

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(observability.http);
  // Meta's webhooks are most of the traffic: mounted first, they meet no router they do not need.
  const webhook = whatsappWebhook({
    appSecret: config.WHATSAPP_APP_SECRET,
    verifyToken: config.WHATSAPP_VERIFY_TOKEN,
    maxBodyBytes: config.WEBHOOK_MAX_BODY,
    storeTimeoutMs: config.INTAKE_STORE_TIMEOUT_MS,
    intake: new WebhookIntakeStore(models),
    onStored: intakeWorker.hand,
    logger,
  });
  app.post('/webhooks/whatsapp', ...webhook.receive);
  app.get('/webhooks/whatsapp', webhook.verify);
  app.use(healthRoutes(connection));
  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  const api = express.Router();
  api.use(express.json({ limit: '100kb', strict: true }));
  api.use(authRoutes(services, createLoginLimiter({ maxFailures: config.LOGIN_MAX_FAILURES, windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS, createLimiter: limiters })));
  api.use(botApiRoutes(services));
  api.use(requireAuth(services.users));
  api.use(userRoutes(services), channelRoutes(services), conversationRoutes(services), templateRoutes(services), outboundRoutes(services), routingRoutes(services), botAdminRoutes(services));
  api.use(conversationActionRoutes(services), contactRoutes(services));
  app.use('/api', api);
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  const httpServer = createServer(app);
  const io = createSocketServer(httpServer, services, logger, redis?.client);
  const stopBroadcaster = startBroadcaster(io, events, services, logger);
  const stopObserving = observability.watch(io, events);
  intakeWorker.start();
  outboxWorker.start();
  routingWorker.start();
  slaWorker.start();
  slaReconciler.start();
  snoozeWorker.start();
  retentionWorker.start();

  return {
    httpServer,
    io,
    models,
    services,
    events,
    intakeWorker,
    outboxWorker,
    routingWorker,
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
      stopBroadcaster();
      stopObserving();
      await intakeWorker.stop();
      await outboxWorker.stop();
      await routingWorker.stop();
      await slaWorker.stop();
      await slaReconciler.stop();
      await snoozeWorker.stop();
      await retentionWorker.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await redis?.close();
    },
  };
}

async function reconcileSla(sla: Services['sla'], intervalMs: number, logger: Logger): Promise<boolean> {
  const synced = await sla.reconcile(intervalMs);
  if (synced) logger.warn({ conversations: synced }, 'SLA timers were out of step and are synced now');
  return false;
}

async function sweepBookkeeping(retention: BookkeepingRetention, logger: Logger): Promise<boolean> {
  const deleted = await retention.sweep();
  if (deleted) logger.info(deleted, 'old work leases deleted');
  return false;
}
