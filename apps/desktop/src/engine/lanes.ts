/**
 * Works through items in lanes (one lane per key): a lane's items one at a time and in order, up to `limit`
 * items of different lanes at once. Lanes take turns, one item each, first the lane of the first item, so
 * none waits behind a long one. `work` answering false stops its lane: its later items wait for another run.
 * Waits for all work to end, even after some has thrown, so nothing the caller started is still running
 * when it moves on; then rethrows the first failure.
 */
export async function runInLanes<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, work: (item: T) => Promise<boolean>): Promise<void> {
  const turns = lanesOf(items, keyOf);
  const worker = async () => {
    // A worker finding no lane waiting may stop: every lane with items left is in another worker's hands.
    for (let lane = turns.shift(); lane; lane = turns.shift()) {
      const goOn = await work(lane.shift()!);
      if (goOn && lane.length > 0) turns.push(lane);
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.min(limit, turns.length) }, worker));
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
