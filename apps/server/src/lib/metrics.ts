import type { QueueStateDTO } from '@switchboard/shared';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type LabelValues } from 'prom-client';

/** Seconds, from a few milliseconds (a push on an idle server) to a minute (a backlog after an outage). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Seconds: a database round trip takes from a fraction of a millisecond to a stall of seconds. */
const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/** Shared state read when Prometheus scrapes; null when it cannot be read now (the gauges keep their last values). */
export type ScrapeSources = {
  intakeBacklog: () => Promise<number | null>;
  deadLetters: () => Promise<number | null>;
  queueStates: () => Promise<QueueStateDTO[] | null>;
  socketsConnected: () => number;
};

/**
 * Every metric Switchboard exposes, on a registry of its own per app, so several apps in one process (tests)
 * never share counters. Gauges that describe shared state (backlog, queues) are read when scraped; the rest
 * are fed by listeners/metrics.listener.ts, lib/database-metrics.ts and the intake and breaker metrics.
 */
export function createMetrics(sources: ScrapeSources) {
  const registry = new Registry();
  const queues = oncePerScrape(sources.queueStates);
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const http = ['method', 'route', 'status'] as const;
  /** A gauge with one series per queue, rebuilt from the shared queue state at each scrape. */
  const perQueueGauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    seriesOf: (state: QueueStateDTO) => [LabelValues<L>, number],
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const states = await queues();
        if (!states) return;
        this.reset();
        for (const state of states) this.set(...seriesOf(state));
      },
    });
  return {
    registry,
    httpRequests: new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: http,
      registers,
    }),
    httpErrors: new Counter({
      name: 'switchboard_http_errors_total',
      help: 'HTTP requests answered with a 5xx status',
      labelNames: http,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: http,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    webhookMessages: new Counter({
      name: 'switchboard_webhook_messages_total',
      help: 'Inbound messages applied from webhooks',
      registers,
    }),
    webhookStatuses: new Counter({
      name: 'switchboard_webhook_statuses_total',
      help: 'Delivery statuses applied from webhooks',
      registers,
    }),
    webhookItemsRefused: new Counter({
      name: 'switchboard_webhook_items_refused_total',
      help: 'Webhook items recorded as errors and skipped (malformed, or errors WhatsApp reported)',
      registers,
    }),
    webhookProcessing: new Counter({
      name: 'switchboard_webhook_processing_total',
      help: 'Stored webhooks processed, by outcome (done, retry, failed)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    intakeLag: new Histogram({
      name: 'switchboard_webhook_intake_lag_seconds',
      help: 'From acknowledging a webhook (stored) to having processed it',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    intakeBacklog: new Gauge({
      name: 'switchboard_webhook_intake_backlog',
      help: 'Stored webhooks not processed yet (shared by all processes)',
      registers,
      async collect() {
        const backlog = await sources.intakeBacklog();
        if (backlog !== null) this.set(backlog);
      },
    }),
    webhookDeadLettered: new Counter({
      name: 'switchboard_webhook_dead_letters_total',
      help: 'Stored webhooks put on the dead-letter list, by kind (failed: retries ran out; refused: items refused)',
      labelNames: ['kind'] as const,
      registers,
    }),
    webhookReplays: new Counter({
      name: 'switchboard_webhook_dead_letter_replays_total',
      help: 'Replays of dead-lettered webhooks, by outcome (replayed: off the list; failed: still listed)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    deadLetters: new Gauge({
      name: 'switchboard_webhook_dead_letters',
      help: 'Stored webhooks on the dead-letter list now (shared by all processes)',
      registers,
      async collect() {
        const listed = await sources.deadLetters();
        if (listed !== null) this.set(listed);
      },
    }),
    pushLatency: new Histogram({
      name: 'switchboard_webhook_to_push_seconds',
      help: "From receiving a customer's message by webhook to pushing message:created to agents' sockets",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    queueWaiting: perQueueGauge(
      'switchboard_queue_waiting',
      'Conversations waiting for an agent, per queue (id; see switchboard_queue_info for names)',
      ['queue'],
      (s) => [{ queue: s.queue.id }, s.waiting],
    ),
    queueOldestWait: perQueueGauge(
      'switchboard_queue_oldest_wait_seconds',
      'How long the longest-waiting conversation of a queue has waited; 0 when none waits',
      ['queue'],
      (s) => [
        { queue: s.queue.id },
        s.oldestWaitingSince ? Math.max(0, Date.now() - Date.parse(s.oldestWaitingSince)) / 1000 : 0,
      ],
    ),
    queueInfo: perQueueGauge(
      'switchboard_queue_info',
      "A queue's name, for joining on the queue label; always 1",
      ['queue', 'name'],
      (s) => [{ queue: s.queue.id, name: s.queue.name }, 1],
    ),
    assignments: new Counter({
      name: 'switchboard_assignments_total',
      help: 'Conversations given to an agent, by queue and how (auto, claim, transfer, assign)',
      labelNames: ['queue', 'how'] as const,
      registers,
    }),
    routingPasses: new Counter({
      name: 'switchboard_routing_passes_total',
      help: 'Routing heartbeat passes completed (presence, requeues, priorities, routing what waits)',
      registers,
    }),
    slaEvents: new Counter({
      name: 'switchboard_sla_events_total',
      help: 'SLA warnings, breaches and escalations, by SLA kind and level',
      labelNames: ['kind', 'level'] as const,
      registers,
    }),
    outboundAttempts: new Counter({
      name: 'switchboard_outbound_attempts_total',
      help: 'Sends to WhatsApp, by result and error code (Meta code, http_<status>, or none)',
      labelNames: ['result', 'code'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: 'switchboard_breaker_state',
      help: "A channel's circuit breaker: 0 closed, 1 half-open, 2 open",
      labelNames: ['channel'] as const,
      registers,
    }),
    dbCommands: new Counter({
      name: 'switchboard_db_commands_total',
      help: 'Database commands sent (each one round trip), by collection and command',
      labelNames: ['collection', 'command', 'outcome'] as const,
      registers,
    }),
    dbDuration: new Histogram({
      name: 'switchboard_db_command_duration_seconds',
      help: 'Time from sending a database command to its answer, by command',
      labelNames: ['command'] as const,
      buckets: DB_BUCKETS,
      registers,
    }),
    socketsConnected: new Gauge({
      name: 'switchboard_sockets_connected',
      help: 'Agent sockets connected to this process',
      registers,
      collect() {
        this.set(sources.socketsConnected());
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The three queue gauges are collected in parallel; they share one read of the queues' state. */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= read().finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
}
