import { spawn, type ChildProcess } from 'node:child_process';
import { signWebhookBody } from '@switchboard/whatsapp-simulator';
import { SERVER_DIR, SERVER_ENTRY } from '@switchboard/server/internals';
import { closedPortUrl } from './closed-port.js';
import { TEST_SECRET, testEnv } from './harness.js';

export { freePort } from '@switchboard/server/internals';

const running = new Set<ChildProcess>();

export type ServerProcess = { url: string; child: ChildProcess };

/** The real server as its own process, so a test can kill it with SIGKILL like a crash. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      ...testEnv({ PORT: '0', LOG_LEVEL: 'info', WHATSAPP_API_BASE_URL: await closedPortUrl(), ...env }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/[\d.:]+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, child };
}

export function kill9(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function killAllServerProcesses(): Promise<void> {
  await Promise.all([...running].map(kill9));
}

/** Posts a signed webhook; 0 when the server could not be reached (it was killed). */
export async function postSignedWebhook(url: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(`${url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, TEST_SECRET) },
      body,
    });
    return res.status;
  } catch {
    return 0;
  }
}
