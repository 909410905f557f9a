import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import { cellKey, type Cell } from './cells.js';
import { writingDay } from './report-days.js';
import { dayAndHour, dayDocId } from './report-time.js';

/** Counters a cell keeps (see counters.ts for what each means). */
export type Counter =
  | 'opened'
  | 'reopened'
  | 'resolved'
  | 'messagesIn'
  | 'messagesOut'
  | 'delivered'
  | 'read'
  | 'handled'
  | 'handleSeconds'
  | 'handoffs'
  | 'onlineSeconds'
  | 'csatAsked'
  | 'csatResponses'
  | 'csat1'
  | 'csat2'
  | 'csat3'
  | `slaMet_${string}`
  | `slaBreached_${string}`;

/** Durations kept whole, so medians and percentiles are exact. */
export type Series = 'firstResponse' | 'resolution';
/** Counters also kept per hour of the day (the volume by hour). */
export type HourlyCounter = 'opened' | 'messagesIn';

export type CsatComment = { conversationId: string; score: number; comment: string; at: Date };

type DayChanges = { inc: Map<string, number>; push: Map<string, unknown[]> };

/**
 * Gathers report counts in memory and writes them every `flushMs`, one update per day touched, so the live
 * path adds no database command per message: a day's counts from a second of traffic go in one `$inc`. A
 * process that dies loses at most its last unflushed second of counts; `stop` writes what is left.
 */
export class RollupWriter {
  private pending = new Map<string, DayChanges>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly models: Models,
    private readonly zone: string,
    private readonly flushMs: number,
    private readonly logger: Logger,
  ) {}

  count(at: Date, cell: Cell, counter: Counter, amount = 1): void {
    if (amount === 0) return;
    const { day } = dayAndHour(at, this.zone);
    this.inc(day, `c.${cellKey(cell)}.${counter}`, amount);
  }

  /** A counter that the volume by hour also shows. */
  countHourly(at: Date, cell: Cell, counter: HourlyCounter): void {
    const { day, hour } = dayAndHour(at, this.zone);
    const key = cellKey(cell);
    this.inc(day, `c.${key}.${counter}`, 1);
    this.inc(day, `c.${key}.h${hour}_${counter}`, 1);
  }

  /** A duration in seconds, kept whole for percentiles. */
  record(at: Date, cell: Cell, series: Series, seconds: number): void {
    const { day } = dayAndHour(at, this.zone);
    this.append(day, `c.${cellKey(cell)}.${series}`, Math.max(0, Math.round(seconds)));
  }

  /** A handoff reason, free text from a bot: counted under its own (encoded) name. */
  countReason(at: Date, cell: Cell, reason: string): void {
    const { day } = dayAndHour(at, this.zone);
    const name = encodeURIComponent(reason.trim().toLowerCase().slice(0, 80)).replaceAll('.', '%2E');
    this.inc(day, `c.${cellKey(cell)}.reasons.${name || 'none'}`, 1);
  }

  comment(cell: Cell, comment: CsatComment): void {
    const { day } = dayAndHour(comment.at, this.zone);
    this.append(day, 'comments', {
      cell: cellKey(cell),
      conversationId: comment.conversationId,
      score: comment.score,
      comment: comment.comment,
      at: comment.at,
    });
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes what was gathered; resolves once this process's counts so far are in the database. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    if (batch.size === 0) return;
    this.pending = new Map();
    for (const [day, changes] of batch) {
      const update: Record<string, object> = { $set: { day } };
      if (changes.inc.size) update.$inc = Object.fromEntries(changes.inc);
      if (changes.push.size)
        update.$push = Object.fromEntries([...changes.push].map(([path, values]) => [path, { $each: values }]));
      try {
        // Hot path: by _id, the day (`dayDocId`) and its version marks (an index lookup on both databases).
        await writingDay(this.models, day, () =>
          this.models.ReportDay.collection.updateOne({ _id: dayDocId(day) } as never, update, { upsert: true }),
        );
      } catch (error) {
        // Kept for the next flush rather than lost: a blip of the database costs a delay, not a count.
        this.logger.warn({ err: error, day }, 'report counts not written; retrying with the next flush');
        this.restore(day, changes);
      }
    }
  }

  private restore(day: string, changes: DayChanges) {
    for (const [path, amount] of changes.inc) this.inc(day, path, amount);
    for (const [path, values] of changes.push) for (const value of values) this.append(day, path, value);
  }

  private changesOf(day: string): DayChanges {
    let changes = this.pending.get(day);
    if (!changes) this.pending.set(day, (changes = { inc: new Map(), push: new Map() }));
    return changes;
  }

  private inc(day: string, path: string, amount: number) {
    const { inc } = this.changesOf(day);
    inc.set(path, (inc.get(path) ?? 0) + amount);
  }

  private append(day: string, path: string, value: unknown) {
    const { push } = this.changesOf(day);
    const values = push.get(path);
    if (values) values.push(value);
    else push.set(path, [value]);
  }
}
