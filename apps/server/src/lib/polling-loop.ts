import type { Logger } from './logger.js';

type Options = {
  /** Parallel loops; 0 runs none (a process that only accepts and stores work). */
  concurrency: number;
  pollMs: number;
  /** Does one piece of work; false when there was nothing to do. */
  step: () => Promise<boolean>;
  logger: Logger;
  name: string;
};

/** Loops that do background work until stopped, resting between polls unless kicked awake. */
export class PollingLoop {
  private running = false;
  private readonly waiters = new Set<() => void>();
  private loops: Promise<void>[] = [];

  constructor(private readonly options: Options) {}

  start(): void {
    if (this.running || this.options.concurrency === 0) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await Promise.all(this.loops);
  }

  /** New work arrived: look now rather than at the next poll. */
  kick(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** One new piece of work arrived: one resting loop looks now (the others would find nothing to do). */
  kickOne(): void {
    this.waiters.values().next().value?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const worked = await this.options.step().catch((error: unknown) => {
        this.options.logger.warn({ err: error, worker: this.options.name }, 'background step failed; will retry');
        return false;
      });
      if (!worked) await this.rest();
    }
  }

  private rest(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.pollMs);
      this.waiters.add(wake);
    });
  }
}
