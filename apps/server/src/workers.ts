import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { BookkeepingRetention, SWEEP_EVERY_MS } from './domain/bookkeeping-retention.js';
import {
  InboundDeadLetters,
  IntakeWorker,
  observeDeadLetters,
  observeIntake,
  WebhookProcessor,
} from './ingest/index.js';
import type { Config } from './lib/config.js';
import type { Logger } from './lib/logger.js';
import type { Metrics } from './lib/metrics.js';
import { PollingLoop } from './lib/polling-loop.js';
import type { RateLimiterFactory } from './lib/rate-limiters.js';
import { createChannelBreakers, createSendRateLimits, observeBreakers, OutboxWorker } from './outbound/index.js';
import { BacklogSampler, ReportDaySealer } from './reports/index.js';
import { RoutingWorker } from './routing/index.js';
import { SearchCatchUp } from './search/index.js';
import { WorkLeases } from './domain/work-leases.js';
import type { Services } from './services.js';
import type { DomainEvents } from './domain/domain-events.js';

/** Snoozes end at a minute a person chose: checking every second is precise enough. */
const SNOOZE_CHECK_MS = 1000;

type Deps = {
  config: Config;
  services: Services;
  events: DomainEvents;
  metrics: Metrics;
  limiters: RateLimiterFactory;
  logger: Logger;
};

/** Every background loop of a process: webhook intake, the outbox, routing, SLA checks, snoozes, retention, reports. */
export function createWorkers({ config, services, events, metrics, limiters, logger }: Deps) {
  const { models } = services;
  const processor = new WebhookProcessor(services);
  const announceTogether = <T>(work: () => Promise<T>) => events.gather(work);
  const inboundDeadLetters = new InboundDeadLetters(models, processor, {
    leaseMs: config.INTAKE_LEASE_SECONDS * 1000,
    logger,
    observe: observeDeadLetters(metrics),
    announceTogether,
  });
  const intakeWorker = new IntakeWorker(models, processor, {
    concurrency: config.INTAKE_CONCURRENCY,
    maxAttempts: config.INTAKE_MAX_ATTEMPTS,
    leaseMs: config.INTAKE_LEASE_SECONDS * 1000,
    logger,
    deadLetters: inboundDeadLetters,
    observe: observeIntake(metrics),
    announceTogether,
    announceAgain: (conversationId, from, until) =>
      services.log.announceAgain(new Types.ObjectId(conversationId), from, until),
  });
  const breakers = services.sendHealth.watch(
    createChannelBreakers({
      failureThreshold: config.BREAKER_FAILURE_THRESHOLD,
      halfOpenAfterMs: config.BREAKER_HALF_OPEN_SECONDS * 1000,
    }),
  );
  const outboxWorker = new OutboxWorker({
    models,
    messages: services.messages,
    client: services.whatsapp,
    breakers: observeBreakers(breakers, metrics),
    rateLimits: createSendRateLimits({
      perNumber: { points: config.RATE_LIMIT_PER_NUMBER, durationMs: 1000 },
      createLimiter: limiters,
    }),
    config,
    logger,
  });
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
    observePass: () => metrics.routingPasses.inc(),
  });
  const retention = new BookkeepingRetention(models, randomUUID());
  const searchCatchUp = new SearchCatchUp(models, services.searchIndex, logger);
  const loops = [
    new PollingLoop({
      concurrency: 1,
      pollMs: config.SLA_CHECK_INTERVAL_MS,
      step: () => services.sla.checkDue(),
      logger,
      name: 'sla',
    }),
    new PollingLoop({
      concurrency: 1,
      pollMs: config.SLA_RECONCILE_INTERVAL_MS,
      step: () => reconcileSla(services.sla, config.SLA_RECONCILE_INTERVAL_MS, logger),
      logger,
      name: 'sla-reconcile',
    }),
    new PollingLoop({
      concurrency: 1,
      pollMs: config.SETTINGS_REFRESH_MS,
      step: () => refreshSettings(services, logger),
      logger,
      name: 'settings-refresh',
    }),
    new PollingLoop({
      concurrency: 1,
      pollMs: SNOOZE_CHECK_MS,
      step: () => services.snoozes.wakeDue(),
      logger,
      name: 'snooze',
    }),
    new PollingLoop({
      concurrency: 1,
      pollMs: SWEEP_EVERY_MS,
      step: () => sweepBookkeeping(retention, logger),
      logger,
      name: 'bookkeeping-retention',
    }),
    // At start (a new index file is built from the database), then now and then for what a crashed peer missed.
    new PollingLoop({
      concurrency: 1,
      pollMs: config.SEARCH_CATCHUP_SECONDS * 1000,
      step: async () => (await searchCatchUp.run(), false),
      logger,
      name: 'search-catch-up',
    }),
  ];
  const backlog = new BacklogSampler(
    models,
    new WorkLeases(models, 'report-backlog', randomUUID()),
    config.REPORTS_TIMEZONE,
    config.REPORTS_BACKLOG_MINUTES,
    logger,
  );
  const sealer = new ReportDaySealer(models, config.REPORTS_TIMEZONE, logger);
  const reportWriter = {
    start: () => services.reportWriter.start(),
    stop: async () => {
      await services.reportReducer.idle();
      await services.reportWriter.stop();
    },
  };
  // The writer stops last: it writes the counts the other loops' final steps made.
  const all = [intakeWorker, outboxWorker, routingWorker, ...loops, backlog, sealer, reportWriter];
  return {
    intakeWorker,
    inboundDeadLetters,
    outboxWorker,
    routingWorker,
    start(): void {
      for (const worker of all) worker.start();
    },
    /** Resolves once every loop has finished the step it was in: nothing of theirs touches the database after. */
    async stop(): Promise<void> {
      for (const worker of all) await worker.stop();
      await services.sendHealth.idle();
    },
  };
}

async function reconcileSla(sla: Services['sla'], intervalMs: number, logger: Logger): Promise<boolean> {
  const synced = await sla.reconcile(intervalMs);
  if (synced) logger.warn({ conversations: synced }, 'SLA timers were out of step and are synced now');
  return false;
}

/** Picks up priority rules and SLA policies another process saved. */
async function refreshSettings(services: Services, logger: Logger): Promise<boolean> {
  for (const setting of [services.priorityRules, services.slaPolicies]) {
    if (await setting.refresh()) logger.info({ version: setting.document().version }, 'settings reloaded');
  }
  return false;
}

async function sweepBookkeeping(retention: BookkeepingRetention, logger: Logger): Promise<boolean> {
  const deleted = await retention.sweep();
  if (deleted) logger.info(deleted, 'old work leases and stale presence deleted');
  return false;
}
