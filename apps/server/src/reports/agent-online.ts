import type { QueueStateDTO } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { Logger } from '../lib/logger.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { agentCell } from './cells.js';
import { splitByHour } from './report-time.js';
import type { RollupWriter } from './rollup-writer.js';

/**
 * Time online per agent, from the statuses every process's routing pass publishes. An agent's session is a
 * document holding since when they have been online; going online sets it, going offline or away clears it,
 * each compare-and-set, so of several processes seeing the same change exactly one counts the session. The
 * session's time is counted when it ends, cut into the hours it was spent in; a report adds running ones.
 */
export class AgentOnlineTracker {
  private readonly known = new Map<string, boolean>();
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly models: Models,
    private readonly writer: RollupWriter,
    private readonly zone: string,
    private readonly logger: Logger,
  ) {}

  observe(states: QueueStateDTO[]): Promise<void> {
    const online = new Map<string, boolean>();
    for (const state of states) for (const agent of state.agents) online.set(agent.userId, agent.status === 'online');
    const changed = [...online].filter(([userId, isOnline]) => this.known.get(userId) !== isOnline);
    for (const [userId, isOnline] of changed) this.known.set(userId, isOnline);
    this.work = this.work
      .then(async () => {
        for (const [userId, isOnline] of changed) await (isOnline ? this.started(userId) : this.ended(userId));
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'agent time online not recorded'));
    return this.work;
  }

  private async started(userId: string) {
    const sessions = this.models.ReportAgentSession.collection;
    const _id = new Types.ObjectId(userId);
    try {
      // Hot path: by _id.
      await sessions.updateOne({ _id, onlineSince: null }, { $set: { onlineSince: new Date() } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // a session is running already
    }
  }

  private async ended(userId: string) {
    // Hot path: by _id.
    const ended = await this.models.ReportAgentSession.collection.findOneAndUpdate(
      { _id: new Types.ObjectId(userId), onlineSince: { $ne: null } },
      { $set: { onlineSince: null } },
    );
    const since = ended?.onlineSince as Date | undefined;
    if (!since) return;
    for (const piece of splitByHour(since, new Date(), this.zone))
      this.writer.count(piece.at, agentCell(userId), 'onlineSeconds', piece.seconds);
  }

  /** Sessions still running: a report counts them up to its own end. */
  async running(): Promise<{ agentId: string; since: Date }[]> {
    const docs = await this.models.ReportAgentSession.collection.find({ onlineSince: { $ne: null } }).toArray();
    return docs.map((d) => ({ agentId: d._id.toHexString(), since: d.onlineSince as Date }));
  }
}
