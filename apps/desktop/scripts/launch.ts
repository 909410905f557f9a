import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `start:electron`: the inbox in Electron where Electron can start, else in the browser through the Node
 * host. Either way the renderer is built first when its sources are newer than the build.
 */
const desktopDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Electron that has not failed within this long has opened its window; a failure to start comes sooner. */
const ELECTRON_STARTUP_MS = 5_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildRendererIfStale(): void {
  const built = path.join(desktopDir, 'dist/renderer/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.join(desktopDir, 'src/renderer'))) return;
  console.log('building the renderer (vite)...');
  const result = spawnSync('pnpm', ['run', 'build:renderer'], { cwd: desktopDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the renderer did not build; see the output above');
}

/** How long fetching Electron's binary (about 100 MB, on first use) may take before the browser is used instead. */
const ELECTRON_DOWNLOAD_MS = 180_000;

/**
 * The Electron binary's path, or null when it is not here. The electron package fetches its binary on first
 * use; that is tried (bounded in time) unless ELECTRON_SKIP_BINARY_DOWNLOAD=1 says this machine cannot.
 */
function electronBinary(): string | null {
  if (process.env.SWITCHBOARD_NO_ELECTRON === '1') return null;
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const installed = () => {
    const pathFile = path.join(packageDir, 'path.txt');
    const binary = existsSync(pathFile) ? path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
    return binary && existsSync(binary) ? binary : null;
  };
  if (installed() || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return installed();
  console.log('fetching the Electron binary (first start only)...');
  const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { encoding: 'utf8', timeout: ELECTRON_DOWNLOAD_MS });
  if (download.status !== 0) {
    const reason = `${download.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no answer';
    console.log(`could not fetch Electron (${reason.trim()})`);
  }
  return installed();
}

/** Resolves true once Electron has run for a while, false when it could not start (no display, say). */
function runElectron(binary: string): Promise<boolean> {
  const built = spawnSync(process.execPath, [path.join(desktopDir, 'scripts/build-electron.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) return Promise.resolve(false);
  const child = spawn(binary, [path.join(desktopDir, 'dist/main/main.cjs')], { stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    const started = setTimeout(() => resolve(true), ELECTRON_STARTUP_MS);
    child.once('error', () => {
      clearTimeout(started);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(started);
      resolve(code === 0);
      process.exitCode = code ?? 0;
    });
  });
}

async function main() {
  buildRendererIfStale();
  const binary = electronBinary();
  if (binary && (await runElectron(binary))) return;
  console.log(binary ? 'Electron could not start here; opening the inbox in a browser instead.' : 'Electron is not installed here; opening the inbox in a browser instead.');
  process.argv.push('--open');
  await import('../src/node-host/main.js');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
