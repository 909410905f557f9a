import express, { type Express, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import type { WebhookIntakeStore } from '../ingest/index.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../lib/metrics.js';
import type { RateLimiterFactory } from '../lib/rate-limiters.js';
import { requireAuth } from './auth.middleware.js';
import { errorHandler, notFoundHandler } from './error.middleware.js';
import { httpMetrics } from './http-metrics.js';
import type { HttpServices } from './http-services.js';
import { createLoginLimiter } from './login-limiter.js';
import { metricsRoute } from './metrics.route.js';
import { buildOpenApiDocument } from './openapi.js';
import { requestContext } from './request-context.js';
import { auditRoutes } from './routes/audit.routes.js';
import { attachmentRoutes } from './routes/attachments.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { botAdminRoutes, botApiRoutes } from './routes/bot.routes.js';
import { cannedReplyRoutes } from './routes/canned-replies.routes.js';
import { channelRoutes } from './routes/channels.routes.js';
import { contactRoutes } from './routes/contacts.routes.js';
import { conversationActionRoutes } from './routes/conversation-actions.routes.js';
import { conversationRoutes } from './routes/conversations.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { intakeRoutes } from './routes/intake.routes.js';
import { mentionRoutes } from './routes/mentions.routes.js';
import { outboundRoutes } from './routes/outbound.routes.js';
import { policySettingsRoutes } from './routes/policy-settings.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { csatRoutes } from './routes/csat.routes.js';
import { routingRoutes } from './routes/routing.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import { templateRoutes } from './routes/templates.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { whatsappWebhook } from './routes/whatsapp.webhook.js';

type Deps = {
  config: Config;
  connection: Connection;
  logger: Logger;
  metrics: Metrics;
  services: HttpServices;
  limiters: RateLimiterFactory;
  intake: WebhookIntakeStore;
  /** Told the id of every webhook stored, so this process can process it at once. */
  onWebhookStored: (id: string) => void;
};

/** Every HTTP route, in the order requests meet them. */
export function createExpressApp({
  config,
  connection,
  logger,
  metrics,
  services,
  limiters,
  intake,
  onWebhookStored,
}: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Request ids, correlation, request logs and HTTP metrics, then `GET /metrics`: before the routes.
  app.use(requestContext(logger), httpMetrics(metrics));
  app.get('/metrics', metricsRoute(metrics.registry, config.METRICS_TOKEN));
  // Meta's webhooks are most of the traffic: mounted first, they meet no router they do not need.
  const webhook = whatsappWebhook({
    appSecret: config.WHATSAPP_APP_SECRET,
    verifyToken: config.WHATSAPP_VERIFY_TOKEN,
    maxBodyBytes: config.WEBHOOK_MAX_BODY,
    storeTimeoutMs: config.INTAKE_STORE_TIMEOUT_MS,
    intake,
    onStored: onWebhookStored,
    logger,
  });
  app.post('/webhooks/whatsapp', ...webhook.receive);
  app.get('/webhooks/whatsapp', webhook.verify);
  app.use(healthRoutes(connection));
  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api', apiRouter(config, services, limiters));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

function apiRouter(config: Config, services: HttpServices, limiters: RateLimiterFactory): RequestHandler {
  const api = express.Router();
  api.use(express.json({ limit: '100kb', strict: true }));
  const loginLimiter = createLoginLimiter({
    maxFailures: config.LOGIN_MAX_FAILURES,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
    createLimiter: limiters,
  });
  api.use(authRoutes(services, loginLimiter));
  api.use(botApiRoutes(services));
  api.use(requireAuth(services.users));
  api.use(
    userRoutes(services),
    channelRoutes(services),
    conversationRoutes(services),
    templateRoutes(services),
    outboundRoutes(services),
    intakeRoutes(services),
    attachmentRoutes(services),
    searchRoutes(services),
    routingRoutes(services),
    botAdminRoutes(services),
    reportRoutes(services),
    csatRoutes(services),
  );
  api.use(conversationActionRoutes(services), contactRoutes(services));
  api.use(policySettingsRoutes(services), auditRoutes(services), cannedReplyRoutes(services), mentionRoutes(services));
  return api;
}
