import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger, openDatabase, type DatabaseHandle } from '@switchboard/server';
import type {} from './provided-context.js';

let database: DatabaseHandle | undefined;
let dataDir: string | undefined;

/** One real MongoDB-wire database for the whole run, started by the server's own launcher. */
export async function setup(project: TestProject) {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-test-db-'));
  database = await openDatabase({ uri: process.env.TEST_MONGODB_URI, dataDir, logger: createLogger('warn') });
  project.provide('mongoUri', database.uri);
  project.provide('databaseKind', database.kind);
  project.provide('searchIndexDir', join(dataDir, 'search'));
}

export async function teardown() {
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
