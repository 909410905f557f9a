import { createConnection } from 'node:net';
import { freePort, startProcess, type Child } from './processes.js';

/** A throwaway redis-server on loopback, no persistence, stopped by PID. */
export async function startRedis(): Promise<{ url: string; child: Child }> {
  const port = await freePort();
  const child = startProcess(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: '/tmp' },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`redis-server exited:\n${child.output()}`);
    if (await canConnect(port)) return { url: `redis://127.0.0.1:${port}`, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  await child.stop();
  throw new Error(`redis-server did not listen on ${port}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
