/**
 * Runs tasks one at a time per key, in arrival order, within this process. For a step that reads something
 * and then writes what it decided from it (a conversation's count, a conversation's sync), where two
 * interleaved runs would each decide from a state the other is about to change.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** `waited` tells the task it queued behind another of its key: what it read before may be stale. */
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

  /** Resolves once every task queued so far, and every task those queued, has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
