import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { freePort } from '@switchboard/server/internals';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = new Set<ChildProcess>();

export type Child = { pid: number; process: ChildProcess; output: () => string; stop(): Promise<void> };

/** Starts a process we own; its last output is kept for error messages. Stopped by PID, never by name. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ipc?: boolean },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  started.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  return {
    pid,
    process: child,
    output: () => output,
    stop: () => stopChild(child),
  };
}

/** A TypeScript entry point run by tsx in its own Node process. */
export function startNodeScript(
  file: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; ipc?: boolean } = {},
): Child {
  return startProcess(process.execPath, ['--import', 'tsx', file], {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    ipc: options.ipc,
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  started.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(child.pid!, 'SIGTERM');
  });
}

/** Whatever is still running when the bench ends or is interrupted. */
export async function stopAllStarted(): Promise<void> {
  await Promise.all([...started].map(stopChild));
}

/** Polls a URL until it answers 200, or the process dies, or the time is up. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`process ${child.pid} exited with ${child.process.exitCode}:\n${child.output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output()}`);
}
