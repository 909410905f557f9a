import type { mongo } from 'mongoose';
import type { ConversationEventDTO, TimelineEntryDTO } from '@switchboard/shared';
import type { ConversationAudience, DomainEvents } from '../domain/domain-events.js';
import { currentCorrelation } from '../lib/correlation.js';
import type { Logger } from '../lib/logger.js';
import type { ChannelBreakers, BreakerState } from '../outbound/channel-breaker.js';
import type { SendOutcome } from '../outbound/whatsapp-client.js';
import type { ProcessResult } from '../ingest/webhook.processor.js';
import type { Metrics } from '../lib/metrics.js';

/** Commands whose first field names no collection (handshakes, monitoring). */
const NO_COLLECTION = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'buildInfo', 'endSessions', 'getMore', 'killCursors']);

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

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };
const SLA_LEVEL: Partial<Record<TimelineEntryDTO['kind'], string>> = { 'sla-warning': 'warning', 'sla-breached': 'breached', escalated: 'escalated' };

/**
 * Metrics and log lines that follow the domain events the broadcaster turns into pushes. Listeners run
 * synchronously right after the broadcaster's emit, inside the work that caused the event, so they see its
 * correlation (and, for a webhook's messages, when that webhook was received). Each change is announced by
 * one process only, so counters add up across processes.
 */
export function observeDomainEvents(events: DomainEvents, metrics: Metrics, logger: Logger): () => void {
  const onChanged = (event: ConversationEventDTO, audience: ConversationAudience) => {
    if (event.type === 'message:created' || event.type === 'message:status-updated') {
      const receivedAt = currentCorrelation()?.receivedAt;
      if (event.type === 'message:created' && event.data.direction === 'inbound' && receivedAt !== undefined) {
        metrics.pushLatency.observe((Date.now() - receivedAt) / 1000);
      }
      logger.info({ event: event.type, conversationId: event.conversationId, seq: event.seq, messageId: event.data.id, direction: event.data.direction, status: event.data.status }, 'message pushed to agents');
    } else if (event.type === 'timeline:added') {
      countTimelineEntry(event.data, audience, metrics);
    }
  };
  events.on('conversation.changed', onChanged);
  return () => events.off('conversation.changed', onChanged);
}

function countTimelineEntry(entry: TimelineEntryDTO, audience: ConversationAudience, metrics: Metrics) {
  const how = assignmentHow(entry);
  if (how) metrics.assignments.inc({ queue: audience.queueId ?? 'none', how });
  const level = SLA_LEVEL[entry.kind];
  if (level) metrics.slaEvents.inc({ kind: String(entry.details.sla ?? 'unknown'), level });
}

function assignmentHow(entry: TimelineEntryDTO): string | null {
  if (entry.kind === 'claimed') return 'claim';
  if (entry.kind === 'assigned') return entry.actorId ? 'assign' : 'auto';
  if (entry.kind === 'transferred' && entry.details.agentId) return entry.details.how === 'assign' ? 'assign' : 'transfer';
  return null;
}

/** The channels' breakers, counting every send by its result and showing each breaker's state. */
export function observeBreakers(breakers: ChannelBreakers, metrics: Metrics): ChannelBreakers {
  breakers.onStateChange(({ channelId, state }) => metrics.breakerState.set({ channel: channelId }, BREAKER_VALUE[state]));
  return {
    ...breakers,
    async execute(channelId, send) {
      const outcome = await breakers.execute(channelId, send);
      metrics.outboundAttempts.inc(attemptLabels(outcome));
      metrics.breakerState.set({ channel: channelId }, BREAKER_VALUE[breakers.state(channelId)]);
      return outcome;
    },
  };
}

function attemptLabels(outcome: SendOutcome) {
  if (outcome.ok) return { result: 'accepted', code: 'none' };
  const { failure } = outcome;
  const result = failure.notAttempted ? 'not_attempted' : failure.kind === 'outcomeUnknown' ? 'outcome_unknown' : failure.kind;
  return { result, code: failure.code !== null ? String(failure.code) : failure.httpStatus !== null ? `http_${failure.httpStatus}` : 'none' };
}

export type IntakeOutcome = { outcome: 'done'; receivedAt: Date; result: ProcessResult } | { outcome: 'retry' | 'failed'; receivedAt: Date };

/** What the intake worker reports about each stored webhook it worked on. */
export function observeIntake(metrics: Metrics) {
  return (report: IntakeOutcome) => {
    metrics.webhookProcessing.inc({ outcome: report.outcome });
    if (report.outcome !== 'done') return;
    metrics.intakeLag.observe((Date.now() - report.receivedAt.getTime()) / 1000);
    metrics.webhookMessages.inc(report.result.messages);
    metrics.webhookStatuses.inc(report.result.statuses);
    metrics.webhookItemsRefused.inc(report.result.itemErrors.length);
  };
}
