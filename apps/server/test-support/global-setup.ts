import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, type DatabaseHandle } from '../src/db/embedded-database.js';
import { createLogger } from '../src/lib/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseKind: string;
  }
}

let database: DatabaseHandle | undefined;
let dataDir: string | undefined;

/** One real MongoDB-wire database for the whole run, started by the server's own launcher. */
export async function setup(project: TestProject) {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-test-db-'));
  database = await openDatabase({ uri: process.env.TEST_MONGODB_URI, dataDir, logger: createLogger('warn') });
  project.provide('mongoUri', database.uri);
  project.provide('databaseKind', database.kind);
}

export async function teardown() {
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
