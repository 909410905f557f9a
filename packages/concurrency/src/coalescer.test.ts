import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('Coalescer', () => {
  it('a burst during a run makes one more run, with the latest value', async () => {
    const runs: number[] = [];
    const first = gate();
    const coalescer = new Coalescer<number>(
      async (_key, value) => {
        runs.push(value);
        if (value === 1) await first.opened;
      },
      {
        onError: (error) => {
          throw error;
        },
      },
    );
    coalescer.request('k', 1);
    for (const value of [2, 3, 4]) coalescer.request('k', value);
    first.open();
    await until(() => runs.length === 2);
    expect(runs).toEqual([1, 4]);
  });

  it('keys are independent, and a failing run is reported without stopping its key', async () => {
    const errors: unknown[] = [];
    const runs: string[] = [];
    const coalescer = new Coalescer<string>(
      (key, value) => {
        runs.push(`${key}:${value}`);
        if (value === 'bad') throw new Error('failed');
      },
      { onError: (error) => errors.push(error) },
    );
    coalescer.request('a', 'bad');
    coalescer.request('b', 'ok');
    await until(() => runs.length === 2);
    coalescer.request('a', 'good');
    await until(() => runs.length === 3);
    expect(runs).toEqual(['a:bad', 'b:ok', 'a:good']);
    expect(errors).toHaveLength(1);
  });

  it('with settleMs, requests made together are one run', async () => {
    const runs: number[] = [];
    const coalescer = new Coalescer<number>((_key, value) => void runs.push(value), { onError: () => {}, settleMs: 0 });
    for (const value of [1, 2, 3]) coalescer.request('k', value);
    expect(runs).toEqual([]);
    await until(() => runs.length === 1);
    coalescer.request('k', 4);
    await until(() => runs.length === 2);
    expect(runs).toEqual([3, 4]);
  });
});
