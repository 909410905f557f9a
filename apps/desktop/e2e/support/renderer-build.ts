import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const desktop = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIST = path.join(desktop, 'dist/renderer');
const SOURCES = ['src/renderer', 'src/contract', 'vite.config.ts', '../../packages/shared/src'].map((p) => path.join(desktop, p));

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
 * The e2e tests drive the built renderer, as users get it. It is rebuilt here when missing or older than
 * its sources, so running one test file after an edit never tests yesterday's bundle.
 */
export function ensureRendererBuilt(): void {
  if (builtAt() >= Math.max(...SOURCES.map(newestChange))) return;
  // vitest sets NODE_ENV=test, which would bundle React's development build: build what users get.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(path.join(desktop, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: desktop, stdio: 'inherit', env });
}
