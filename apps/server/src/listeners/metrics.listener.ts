import type { ConversationEventDTO, TimelineEntryDTO } from '@switchboard/shared';
import type { ConversationAudience, DomainEvents } from '../domain/domain-events.js';
import { currentCorrelation } from '../lib/correlation.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../lib/metrics.js';

const SLA_LEVEL: Partial<Record<TimelineEntryDTO['kind'], string>> = {
  'sla-warning': 'warning',
  'sla-breached': 'breached',
  escalated: 'escalated',
};

/**
 * Metrics and log lines that follow the domain events the socket pushes are made of. Listeners run
 * synchronously right after the push listener, inside the work that caused the event, so they see its
 * correlation (and, for a webhook's messages, when that webhook was received). Each change is announced by
 * one process only, so counters add up across processes.
 */
export function countDomainEvents(events: DomainEvents, metrics: Metrics, logger: Logger): () => void {
  const onChanged = (event: ConversationEventDTO, audience: ConversationAudience) => {
    if (event.type === 'message:created' || event.type === 'message:status-updated') {
      const receivedAt = currentCorrelation()?.receivedAt;
      if (event.type === 'message:created' && event.data.direction === 'inbound' && receivedAt !== undefined) {
        metrics.pushLatency.observe((Date.now() - receivedAt) / 1000);
      }
      logger.info(
        {
          event: event.type,
          conversationId: event.conversationId,
          seq: event.seq,
          messageId: event.data.id,
          direction: event.data.direction,
          status: event.data.status,
        },
        'message pushed to agents',
      );
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
  if (entry.kind === 'transferred' && entry.details.agentId)
    return entry.details.how === 'assign' ? 'assign' : 'transfer';
  return null;
}
