/**
 * Works through items in lanes, one lane per key: a lane's items one at a time and in order, up to `limit`
 * items of different lanes at once. Lanes take turns, one item each, so none waits behind a long one.
 * `work` answering false stops its lane: its later items are left for another run.
 *
 * After an item throws, no further item starts; the work already running is waited for, so nothing the
 * caller started is still running when it moves on, and then the first failure is rethrown.
 */
export async function runInLanes<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  work: (item: T) => Promise<boolean | void>,
): Promise<void> {
  const turns = lanesOf(items, keyOf);
  let failed = false;
  const worker = async () => {
    // A worker finding no lane waiting may stop: every lane with items left is in another worker's hands.
    for (let lane = turns.shift(); lane && !failed; lane = turns.shift()) {
      try {
        const goOn = await work(lane.shift()!);
        if (goOn !== false && lane.length > 0) turns.push(lane);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, turns.length));
  const ended = await Promise.allSettled(Array.from({ length: workers }, worker));
  const failure = ended.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

function lanesOf<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const lane = lanes.get(key);
    if (lane) lane.push(item);
    else lanes.set(key, [item]);
  }
  return [...lanes.values()];
}
