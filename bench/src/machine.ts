import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export type Machine = { cpu: string; cores: number; ramGiB: number; os: string; node: string };

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/** The 1, 5 and 15 minute load averages now: on a shared machine they say how noisy a figure is. */
export function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

export const freeMemoryGiB = () => Math.round((freemem() / 2 ** 30) * 10) / 10;
