import type { ConversationEventDTO, QueueStateDTO } from '@switchboard/shared';
import type { DomainEvents, SlaSettledEvent } from '../domain/domain-events.js';
import type { AgentOnlineTracker, ReportReducer } from '../reports/index.js';

/**
 * The reports count what happens as it happens: every change of a conversation's log, every SLA target
 * fulfilled, and the agents' statuses from the routing passes. The reducer queues the work and returns, so
 * the change that emitted waits for none of it.
 */
export function feedReports(events: DomainEvents, reducer: ReportReducer, online: AgentOnlineTracker): () => void {
  const onChange = (event: ConversationEventDTO) => void reducer.accept(event);
  const onSettled = (settled: SlaSettledEvent) => void reducer.settled(settled);
  const onQueues = (states: QueueStateDTO[]) => void online.observe(states);
  events.on('conversation.changed', onChange);
  events.on('sla.settled', onSettled);
  events.on('queues.changed', onQueues);
  return () => {
    events.off('conversation.changed', onChange);
    events.off('sla.settled', onSettled);
    events.off('queues.changed', onQueues);
  };
}
