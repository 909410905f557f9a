/**
 * Runs work items grouped by key: items of one key one after another, in their order; different keys side
 * by side, at most `concurrency` at a time. A customer's messages stay in order while different customers'
 * conversations are written concurrently (the database answers several round trips at once far faster than
 * one after another). On the first failure no new group starts; the running ones finish, then it throws.
 */
export async function runGrouped<T>(items: T[], keyOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const queue = [...groups.values()];
  const failures: unknown[] = [];
  const lane = async () => {
    for (let group = queue.shift(); group && failures.length === 0; group = queue.shift()) {
      try {
        for (const item of group) await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, lane));
  if (failures.length > 0) throw failures[0];
}
