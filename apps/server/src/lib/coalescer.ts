/**
 * Runs a task per key at most once at a time; requests that arrive while it runs make it run once more
 * afterwards, with the last request's value, not once each. For work that brings something up to date (a
 * burst of changes needs one pass, from the latest).
 */
export class Coalescer<T> {
  private readonly running = new Set<string>();
  /** The latest value requested for a key while its task ran. */
  private readonly pending = new Map<string, T>();

  constructor(
    private readonly task: (key: string, value: T) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(key: string, value: T): void {
    if (this.running.has(key)) {
      this.pending.set(key, value);
      return;
    }
    this.running.add(key);
    void this.run(key, value);
  }

  private async run(key: string, first: T): Promise<void> {
    for (let value: T | undefined = first; value !== undefined; value = this.takePending(key)) {
      await this.task(key, value).catch(this.onError);
    }
    this.running.delete(key);
  }

  private takePending(key: string): T | undefined {
    const value = this.pending.get(key);
    this.pending.delete(key);
    return value;
  }
}
