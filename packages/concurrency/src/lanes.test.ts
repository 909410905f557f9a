import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runInLanes } from './lanes.js';

const laneOf = (item: string) => item[0]!;

describe('runInLanes', () => {
  it("runs each lane's items one at a time in order, lanes taking turns, never more than the limit at once", async () => {
    const running = new Set<string>();
    let most = 0;
    const started: string[] = [];
    await runInLanes(['a1', 'b1', 'a2', 'c1', 'a3', 'b2', 'd1'], laneOf, 2, async (item) => {
      expect(running.has(laneOf(item))).toBe(false);
      running.add(laneOf(item));
      most = Math.max(most, running.size);
      started.push(item);
      await nextTurn();
      running.delete(laneOf(item));
    });
    expect(most).toBe(2);
    // a and b first; each lane goes to the back when its item is done, so a's three items do not go first.
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1', 'a2', 'b2', 'a3']);
  });

  it("an item answered false stops its lane's later items, and only those", async () => {
    const done: string[] = [];
    await runInLanes(['a1', 'b1', 'a2', 'b2', 'a3'], laneOf, 2, async (item) => {
      done.push(item);
      return item !== 'a2';
    });
    expect(done).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('after an item throws, starts nothing new, waits for the work still running, then rethrows', async () => {
    const finished: string[] = [];
    const started: string[] = [];
    const run = runInLanes(['f1', 's1', 'f2', 'x1'], laneOf, 2, async (item) => {
      started.push(item);
      if (item === 'f1') throw new Error('lane failed');
      for (let i = 0; i < 5; i++) await nextTurn();
      finished.push(item);
    });
    await expect(run).rejects.toThrow('lane failed');
    expect(finished).toEqual(['s1']);
    expect(started).toEqual(['f1', 's1']);
  });
});
