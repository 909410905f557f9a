import type { QueueStateDTO } from '@switchboard/shared';
import type { Models } from '../models/index.js';
import type { AgentService } from './agents.service.js';
import { toQueueDTO } from './queue.service.js';

/** What supervisors watch: per queue, how many wait and since when, SLAs at risk and breached, and each skilled agent's status and load. */
export async function queueStates(models: Models, agents: AgentService): Promise<QueueStateDTO[]> {
  const [queues, waiting, loads, timers] = await Promise.all([
    models.Queue.find().sort({ createdAt: 1 }),
    models.Conversation.find({ routingState: 'waiting', status: 'open' }, { queueId: 1, waitingSince: 1 }),
    agents.loads(),
    models.SlaTimer.find({ state: { $in: ['warned', 'breached'] } }, { conversationId: 1, state: 1 }),
  ]);
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
