import { DateTime } from 'luxon';
import type { WorkLeases } from '../domain/work-leases.js';
import { keyedId } from '../lib/keyed-id.js';
import type { Logger } from '../lib/logger.js';
import { PollingLoop } from '../lib/polling-loop.js';
import { retryOnDuplicateKey, type Models } from '../models/index.js';
import { writingDay } from './report-days.js';
import { cellKey } from './cells.js';
import { dayDocId } from './report-time.js';

/** Checking costs nothing between slots (the last slot taken is remembered): the sample lands close to its time. */
const POLL_MS = 1000;

export type BacklogCell = { open: number; waiting: number; oldestWaitingSince: Date | null };

/**
 * The backlog over time: every `everyMinutes` (on the hour and between), one process (whoever takes the
 * slot's lease) counts the open conversations and those waiting for an agent, with the longest wait, per
 * cell, into the day's report document. One read of the open conversations per slot; reports never read them.
 */
export class BacklogSampler {
  private readonly loop: PollingLoop;
  private lastSlot = '';

  constructor(
    private readonly models: Models,
    private readonly leases: WorkLeases,
    private readonly zone: string,
    private readonly everyMinutes: number,
    logger: Logger,
  ) {
    this.loop = new PollingLoop({
      concurrency: 1,
      pollMs: POLL_MS,
      step: () => this.sample(),
      logger,
      name: 'report-backlog',
    });
  }

  start = () => this.loop.start();
  stop = () => this.loop.stop();

  /** Samples the current slot unless some process has; false when there was nothing to do. */
  async sample(now = new Date()): Promise<boolean> {
    const local = DateTime.fromJSDate(now, { zone: this.zone });
    const minute = Math.floor(local.minute / this.everyMinutes) * this.everyMinutes;
    const slot = `${local.toFormat('HH')}${String(minute).padStart(2, '0')}`;
    const day = local.toISODate()!;
    if (`${day}:${slot}` === this.lastSlot) return false;
    this.lastSlot = `${day}:${slot}`;
    if (!(await this.leases.take(keyedId('report-backlog', `${day}:${slot}`), 1))) return false;
    const open = await this.models.Conversation.find(
      { status: 'open' },
      { queueId: 1, assigneeId: 1, channelId: 1, intent: 1, language: 1, routingState: 1, waitingSince: 1 },
    ).lean();
    const cells: Record<string, BacklogCell> = {};
    for (const c of open) {
      const key = cellKey({
        queueId: c.queueId?.toHexString() ?? null,
        agentId: c.assigneeId?.toHexString() ?? null,
        channelId: c.channelId.toHexString(),
        intent: c.intent ?? null,
        language: c.language ?? null,
      });
      const cell = (cells[key] ??= { open: 0, waiting: 0, oldestWaitingSince: null });
      cell.open += 1;
      if (c.routingState !== 'waiting') continue;
      cell.waiting += 1;
      const since = c.waitingSince ?? null;
      if (since && (!cell.oldestWaitingSince || since < cell.oldestWaitingSince)) cell.oldestWaitingSince = since;
    }
    // The day's first writes may race the rollup writer's upsert of the same document: the retry updates it.
    await writingDay(this.models, day, () =>
      retryOnDuplicateKey(() =>
        this.models.ReportDay.collection.updateOne(
          { _id: dayDocId(day) } as never,
          { $set: { day, [`backlog.${slot}`]: { at: now, cells } } },
          { upsert: true },
        ),
      ),
    );
    return false;
  }
}
