import type { TransferTargetsDTO } from '@switchboard/shared';
import type { Models } from '../models/index.js';
import type { AgentService } from './agents.service.js';

/** Every queue by name, and every teammate but the caller with their presence and load (three reads for them all). */
export async function transferTargets(
  models: Models,
  agents: AgentService,
  userId: string,
): Promise<TransferTargetsDTO> {
  const [queues, loads] = await Promise.all([
    models.Queue.find({}, { name: 1 }).sort({ createdAt: 1 }),
    agents.loads(),
  ]);
  return {
    queues: queues.map((q) => ({ id: q.id, name: q.name })),
    agents: loads
      .filter((a) => a.userId !== userId)
      .map(({ userId: id, name, status, load, capacity }) => ({ userId: id, name, status, load, capacity })),
  };
}
