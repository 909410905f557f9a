/**
 * Runs a task per key at most once at a time; requests that arrive while it runs make it run once more
 * afterwards, not once each. For work that brings something up to date (a burst of changes needs one pass).
 */
export class Coalescer {
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly task: (key: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(key: string): void {
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.running.add(key);
    void this.run(key);
  }

  private async run(key: string): Promise<void> {
    do {
      this.dirty.delete(key);
      await this.task(key).catch(this.onError);
    } while (this.dirty.has(key));
    this.running.delete(key);
  }
}
