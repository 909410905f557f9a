import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const desktop = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIST = path.join(desktop, 'dist/renderer');
const SOURCES = [
  'src/renderer',
  'src/contract',
  'vite.config.ts',
  '../../packages/shared/src',
  '../../packages/concurrency/src',
].map((p) => path.join(desktop, p));

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

function builtAt(): number {
  try {
    return statSync(path.join(RENDERER_DIST, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds the renderer when it is missing or older than its sources: the launcher never serves, and the e2e
 * tests never drive, yesterday's bundle after an edit.
 */
export function ensureRendererBuilt(): void {
  if (builtAt() >= Math.max(...SOURCES.map(newestChange))) return;
  console.log('building the renderer (vite, a few seconds)...');
  // vitest sets NODE_ENV=test, which would bundle React's development build: build what users get.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(path.join(desktop, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: desktop,
    stdio: 'inherit',
    env,
  });
}
