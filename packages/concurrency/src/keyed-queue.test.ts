import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('KeyedQueue', () => {
  it("runs one key's tasks one at a time in arrival order, other keys alongside", async () => {
    const queue = new KeyedQueue();
    const first = gate();
    const log: string[] = [];
    const a1 = queue.run('a', async (waited) => {
      log.push(`a1 start waited=${waited}`);
      await first.opened;
      log.push('a1 end');
    });
    const a2 = queue.run('a', async (waited) => void log.push(`a2 start waited=${waited}`));
    const b1 = queue.run('b', async (waited) => void log.push(`b1 start waited=${waited}`));
    await b1;
    expect(log).toEqual(['a1 start waited=false', 'b1 start waited=false']);
    first.open();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['a1 start waited=false', 'b1 start waited=false', 'a1 end', 'a2 start waited=true']);
  });

  it('a failed task rejects its caller and does not stop the next one', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('idle() waits for every queued task, including ones queued meanwhile', async () => {
    const queue = new KeyedQueue();
    const done: string[] = [];
    void queue.run('a', async () => {
      void queue.run('b', async () => void done.push('b'));
      done.push('a');
    });
    await queue.idle();
    expect(done).toEqual(['a', 'b']);
  });
});
