/**
 * Runs tasks one at a time per key, within this process. FerretDB v1 applies update operators ($inc, $max)
 * as a read-modify-write without isolation, so two concurrent updates of one document can lose one; MongoDB
 * applies them atomically. Serialising writes to the same document here makes one process correct on both.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
