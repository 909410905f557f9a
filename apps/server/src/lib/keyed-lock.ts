/**
 * Runs tasks one at a time per key, within this process: for a step that reads a document and then writes
 * what it decided from it (single update operators need no lock: the database applies them atomically).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** `waited` tells the task it queued behind another with the same key (what it read before may be stale). */
  run<T>(key: string, task: (waited: boolean) => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const start = () => task(previous !== undefined);
    const result = (previous ?? Promise.resolve()).then(start, start);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
