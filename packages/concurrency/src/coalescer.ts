export type CoalescerOptions = {
  /** Where a failed run's error goes; the coalescer keeps serving its key afterwards. */
  onError: (error: unknown) => void;
  /**
   * Wait this long before a run starts, so that a burst of requests made together is one run (0: the next
   * turn of the event loop). Unset: the first request of a quiet key runs at once.
   */
  settleMs?: number;
  /** At least this long from one run's end to the next run of the same key. */
  gapMs?: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a task per key at most once at a time; requests that arrive while it runs (or while it settles) make
 * it run once more afterwards, with the last request's value, not once each. For work that brings
 * something up to date: a burst of changes needs one pass, from the latest.
 */
export class Coalescer<T = void> {
  private readonly busy = new Set<string>();
  /** The latest value requested for a key since its current run started. */
  private readonly pending = new Map<string, T>();

  constructor(
    private readonly task: (key: string, value: T) => Promise<void> | void,
    private readonly options: CoalescerOptions,
  ) {}

  request(key: string, value: T): void {
    if (this.busy.has(key)) {
      this.pending.set(key, value);
      return;
    }
    this.busy.add(key);
    void this.run(key, value);
  }

  private async run(key: string, first: T): Promise<void> {
    const { settleMs, gapMs } = this.options;
    let value = first;
    if (settleMs !== undefined) {
      await sleep(settleMs);
      value = (this.take(key) ?? { value }).value;
    }
    for (;;) {
      try {
        await this.task(key, value);
      } catch (error) {
        this.options.onError(error);
      }
      const next = this.take(key);
      if (!next) break;
      if (gapMs) await sleep(gapMs);
      value = (this.take(key) ?? next).value;
    }
    this.busy.delete(key);
  }

  private take(key: string): { value: T } | undefined {
    if (!this.pending.has(key)) return undefined;
    const value = this.pending.get(key) as T;
    this.pending.delete(key);
    return { value };
  }
}
