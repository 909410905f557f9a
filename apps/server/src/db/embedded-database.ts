import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from '../lib/free-port.js';
import type { Logger } from '../lib/logger.js';

export const FERRETDB_VERSION = 'v1.24.2';
/**
 * Our build of it, with the fixes scripts/ensure-database.sh applies (the _id index, _id lookups in any
 * filter, atomic updates, lists of ids looked up by the index).
 */
const FERRETDB_BUILD = 'idfix-idfilter-atomic-idin';

export type DatabaseHandle = {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  /** The embedded database's process, when this started one (benchmarks read its CPU time). */
  pid?: number;
  stop(): Promise<void>;
};

export class DatabaseUnavailableError extends Error {}

/**
 * Gives the server a MongoDB-wire database: MONGODB_URI when set; otherwise an embedded one that keeps its
 * data in dataDir: a real mongod where one exists, else FerretDB on SQLite (built by scripts/setup.sh).
 */
export async function openDatabase(options: {
  uri?: string;
  dataDir: string;
  logger: Logger;
}): Promise<DatabaseHandle> {
  if (options.uri) return { uri: options.uri, kind: 'external', stop: async () => {} };
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const mongod = findMongod();
  if (mongod) return startMongod(mongod, dataDir, options.logger);

  const ferretdb = ferretdbBinaryPath();
  if (existsSync(ferretdb)) return startFerretdb(ferretdb, dataDir, options.logger);

  throw new DatabaseUnavailableError(
    [
      'No database to start. Switchboard needs one of:',
      '  - MONGODB_URI=mongodb://host:27017 pointing at a MongoDB 6.0+ server,',
      '  - a mongod binary on PATH, or MONGOMS_SYSTEM_BINARY=/path/to/mongod,',
      `  - FerretDB ${FERRETDB_VERSION} at ${ferretdb}: run \`bash scripts/setup.sh\` (needs Go on PATH) to build it,`,
      '    or set FERRETDB_BIN to an existing ferretdb binary.',
    ].join('\n'),
  );
}

export function ferretdbBinaryPath(): string {
  if (process.env.FERRETDB_BIN) return process.env.FERRETDB_BIN;
  const cacheDir =
    process.env.SWITCHBOARD_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'switchboard');
  return join(cacheDir, `ferretdb-${FERRETDB_VERSION}-${FERRETDB_BUILD}`);
}

function findMongod(): string | undefined {
  if (process.env.MONGOMS_SYSTEM_BINARY) return process.env.MONGOMS_SYSTEM_BINARY;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'mongod'))
    .find((p) => existsSync(p));
}

async function startMongod(binary: string, dataDir: string, logger: Logger): Promise<DatabaseHandle> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = join(dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    binary: { systemBinary: binary },
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
  });
  logger.info({ dbPath }, 'embedded mongod started');
  return { uri: server.getUri(), kind: 'mongod', stop: async () => void (await server.stop({ doCleanup: false })) };
}

async function startFerretdb(binary: string, dataDir: string, logger: Logger): Promise<DatabaseHandle> {
  const sqliteDir = join(dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const pidFile = join(dataDir, 'ferretdb.pid');
  stopLeftoverProcess(pidFile, logger);

  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${sqliteDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  writeFileSync(pidFile, String(child.pid));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);

  await waitForPort(port, child, () => stderr);
  logger.info({ sqliteDir, port }, 'embedded FerretDB started');
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind: 'ferretdb',
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: async () => {
      process.off('exit', stopChild);
      await terminate(child);
      rmSync(pidFile, { force: true });
    },
  };
}

/** A FerretDB left running by a server that was killed would hold the data directory; end it first. */
function stopLeftoverProcess(pidFile: string, logger: Logger) {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('ferretdb')) {
      process.kill(pid, 'SIGTERM');
      logger.warn({ pid }, 'stopped a FerretDB left over from an earlier run');
    }
  } catch {
    // The process is gone already, or this is not Linux: nothing to stop.
  }
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new DatabaseUnavailableError(`FerretDB exited with code ${child.exitCode}: ${stderr().trim()}`);
    }
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new DatabaseUnavailableError(
    `FerretDB did not accept connections on port ${port} within 20 s: ${stderr().trim()}`,
  );
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveExit();
    });
    child.kill('SIGTERM');
  });
}
