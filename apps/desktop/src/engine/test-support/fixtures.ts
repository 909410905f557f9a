import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SyncEngine } from '../sync-engine.js';

/** A temp directory per test file for real SQLite files, removed afterwards. */
export function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-engine-'));
  let n = 0;
  return {
    file: (name = 'cache') => path.join(dir, `${name}-${++n}.sqlite`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Everything an engine tells its subscribers, for assertions. */
export function recordEngine(engine: SyncEngine) {
  const problems: Error[] = [];
  const states: string[] = [];
  engine.subscribe('problem', (error) => problems.push(error));
  engine.subscribe('connection-changed', (state) => states.push(state));
  return { problems, states };
}
