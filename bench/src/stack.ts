import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLogger, openDatabase, type DatabaseHandle } from '@switchboard/server';
import { SERVER_DIR, SERVER_ENTRY } from '@switchboard/server/internals';
import { freePort, startNodeScript, waitForHttp, type Child } from './processes.js';

export const BENCH_SECRETS = {
  WHATSAPP_APP_SECRET: 'bench-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'bench-access-token',
  JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
  ADMIN_PASSWORD: 'bench-admin-password',
} as const;

export type Database = { uri: string; kind: string; pid: number | null; stop(): Promise<void> };

/** The database the server embeds (FerretDB on SQLite here), in a fresh directory; BENCH_MONGODB_URI overrides. */
export async function startDatabase(): Promise<Database> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-db-'));
  const handle: DatabaseHandle = await openDatabase({
    uri: process.env.BENCH_MONGODB_URI,
    dataDir,
    logger: createLogger('warn'),
  });
  return {
    uri: handle.uri,
    kind: handle.kind,
    pid: handle.pid ?? null,
    async stop() {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ServerProcess = { url: string; child: Child };

/** The real server (its package's process entry) as its own process, configured for production. */
export async function startServer(
  env: { MONGODB_URI: string; MONGODB_DB_NAME: string } & Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = startNodeScript(SERVER_ENTRY, {
    cwd: SERVER_DIR,
    env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...BENCH_SECRETS, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, child, 90_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, child };
}

export const freshDatabaseName = () => `bench_${randomBytes(5).toString('hex')}`;
