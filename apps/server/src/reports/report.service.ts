import type { ReportDTO, ReportQuery } from '@switchboard/shared';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { Models } from '../models/index.js';
import type { AgentOnlineTracker } from './agent-online.js';
import { buildReport } from './report-figures.js';
import { ReportDays } from './report-days.js';
import { daysBetween } from './report-time.js';
import type { RollupWriter } from './rollup-writer.js';

/**
 * Answers a report from the rollups alone: the range's days (re-read only where they changed, see
 * report-days.ts), the few running online sessions and the agents' names, whatever the number of messages
 * behind them.
 */
export class ReportService {
  private readonly days: ReportDays;

  constructor(
    private readonly models: Models,
    private readonly zone: string,
    private readonly writer: RollupWriter,
    private readonly online: AgentOnlineTracker,
  ) {
    this.days = new ReportDays(models);
  }

  async report(query: ReportQuery, now = new Date()): Promise<ReportDTO> {
    // This process's counts of the last second go in first, so what a user just did shows at once.
    await this.writer.flush();
    const dayIds = daysBetween(query.from, query.to);
    const [docs, sessions] = await Promise.all([this.days.read(dayIds), this.online.running()]);
    const days = dayIds.map((day, i) => ({ day, doc: docs[i]! }));
    const start = DateTime.fromISO(query.from, { zone: this.zone }).toJSDate();
    const end = new Date(
      Math.min(now.getTime(), DateTime.fromISO(query.to, { zone: this.zone }).plus({ days: 1 }).toMillis()),
    );
    const running = sessions.map(({ agentId, since }) => ({
      agentId,
      seconds: Math.max(0, (end.getTime() - Math.max(since.getTime(), start.getTime())) / 1000),
    }));
    const agentIds = new Set(running.map((r) => r.agentId));
    for (const { doc } of days) for (const key of Object.keys(doc?.c ?? {})) agentIds.add(key.split('|')[1]!);
    agentIds.delete('-');
    const users = await this.models.User.find(
      { _id: { $in: [...agentIds].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id)) } },
      { name: 1 },
    ).lean();
    const agentNames = new Map(users.map((u) => [u._id.toHexString(), u.name]));
    return buildReport({ query, zone: this.zone, days, running, agentNames });
  }
}
