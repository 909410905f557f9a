import type { QueueStateDTO } from '@switchboard/shared';
import type { Models } from '../models/index.js';
import type { AgentService } from './agents.service.js';
import { toQueueDTO } from './queue.service.js';

/** What supervisors watch: per queue, how many wait and since when, SLAs at risk and breached, and each skilled agent's status and load. */
export async function queueStates(models: Models, agents: AgentService): Promise<QueueStateDTO[]> {
  const [queues, waiting, loads, timers] = await Promise.all([
    // Hot path: bounded — every queue (configuration, a handful), read whole on both databases.
    models.Queue.find().sort({ createdAt: 1 }),
    // Hot path, scans on the embedded database and on MongoDB (no index leads with routingState or status):
    // { routingState: 'waiting', status: 'open' } (conversations). Waiting lists by _id (keyedId('waiting', queueId))
    // would make it by _id.
    models.Conversation.find({ routingState: 'waiting', status: 'open' }, { queueId: 1, waitingSince: 1 }),
    agents.loads(),
    // Hot path: bounded — a scan of sla_timers on both databases (no index on state), which holds only running targets
    // (met ones are deleted, the rest when their conversation ends): it grows with open conversations, not history.
    models.SlaTimer.find({ state: { $in: ['warned', 'breached'] } }, { conversationId: 1, state: 1 }),
  ]);
  // Hot path: by _id, a list (an index lookup on both databases).
  const late = await models.Conversation.find({ _id: { $in: timers.map((t) => t.conversationId) } }, { queueId: 1 });
  const queueOf = new Map(late.map((c) => [c.id, c.queueId?.toHexString() ?? null]));
  const countLate = (queueId: string, state: string) =>
    new Set(
      timers
        .filter((t) => t.state === state && queueOf.get(t.conversationId.toHexString()) === queueId)
        .map((t) => t.conversationId.toHexString()),
    ).size;
  return queues.map((queue) => {
    const mine = waiting.filter((c) => c.queueId?.equals(queue._id));
    const oldest = mine.map((c) => c.waitingSince?.getTime() ?? Date.now()).sort((a, b) => a - b)[0];
    return {
      queue: toQueueDTO(queue),
      waiting: mine.length,
      oldestWaitingSince: oldest === undefined ? null : new Date(oldest).toISOString(),
      slaAtRisk: countLate(queue.id, 'warned'),
      slaBreached: countLate(queue.id, 'breached'),
      agents: loads.filter((a) => a.queueIds.includes(queue.id)),
    };
  });
}
