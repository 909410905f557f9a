import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseExposition, samplesOf } from '@switchboard/test-support/prometheus-text';

let ticksPerSecond: number | null = null;

/** The kernel's clock ticks per second, in which /proc/<pid>/stat counts CPU time (100 almost everywhere). */
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat: for a Node
 * process the same quantity process.cpuUsage() reports inside it, and it works for any process (the
 * database, the relay). Null where /proc is not readable.
 */
export function processCpuMs(pid: number | null | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Sums the CPU time of several processes; null if any is unreadable. */
export function totalCpuMs(pids: (number | null | undefined)[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/** A counter's total over every label set, summed over the servers' /metrics. */
export async function metricTotal(metricsUrls: string[], name: string): Promise<number> {
  let total = 0;
  for (const url of metricsUrls) {
    for (const sample of samplesOf(parseExposition(await (await fetch(url)).text()), name)) total += sample.value;
  }
  return total;
}

/** What a stretch of work cost: server CPU, database CPU and database commands, read before and after. */
export type CostMeter = { stop(): Promise<Cost> };
export type Cost = { serverCpuMs: number | null; databaseCpuMs: number | null; databaseCommands: number | null };

export async function meterCost(options: {
  serverPids: (number | null | undefined)[];
  databasePid?: number | null;
  metricsUrls?: string[];
  /** For an in-process server: its CPU is this process's (process.cpuUsage), not a child's. */
  inProcess?: boolean;
  /** For an in-process server: how many commands it has sent so far (its own counter). */
  commands?: () => number;
}): Promise<CostMeter> {
  const serverCpu = () =>
    options.inProcess ? cpuUsageMs() : options.serverPids.length ? totalCpuMs(options.serverPids) : null;
  const commands = async () =>
    options.commands
      ? options.commands()
      : options.metricsUrls?.length
        ? metricTotal(options.metricsUrls, 'switchboard_db_commands_total')
        : null;
  const before = { server: serverCpu(), db: processCpuMs(options.databasePid), commands: await commands() };
  return {
    async stop() {
      const after = { server: serverCpu(), db: processCpuMs(options.databasePid), commands: await commands() };
      const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
      return {
        serverCpuMs: delta(before.server, after.server),
        databaseCpuMs: delta(before.db, after.db),
        databaseCommands: delta(before.commands, after.commands),
      };
    },
  };
}

function cpuUsageMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
