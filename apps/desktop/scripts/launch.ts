import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHostConfig } from '../src/node-host/host-config.js';
import { runNodeHost } from '../src/node-host/run-node-host.js';
import { ensureRendererBuilt, RENDERER_DIST } from './renderer-build.js';

/**
 * `start:electron` (and `pnpm start` at the root): the inbox in Electron where it can start, else in the
 * browser through the Node host. A development launcher over both shells, as VS Code's scripts/code.sh is:
 * it builds what is stale, then starts one shell; an installed app runs Electron's main directly.
 */
const desktopDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Electron that has not failed within this long has opened its window; a failure to start comes sooner. */
const ELECTRON_STARTUP_MS = 5_000;
const FETCH_ELECTRON = 'pnpm --filter @switchboard/desktop run fetch:electron';

type ElectronLookup = { binary: string } | { missing: string };

/**
 * Electron's binary, if it is on this machine. The electron package fetches its ~100 MB binary on first use,
 * from GitHub; the launcher never does that behind a user's back (the set-up skips it on purpose, and an
 * offline machine would wait for nothing), so a missing binary means the browser, with how to get Electron.
 */
function findElectron(): ElectronLookup {
  if (process.env.SWITCHBOARD_NO_ELECTRON === '1') return { missing: 'SWITCHBOARD_NO_ELECTRON=1 asks for the browser' };
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (run pnpm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  // The same override the electron package honours: an Electron unpacked by hand, elsewhere.
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  if (existsSync(binary)) return { binary };
  return {
    missing: [
      'there is no Electron binary on this machine.',
      "  Electron's binary (about 100 MB) is downloaded from GitHub on first use, which needs the internet; the",
      '  set-up does not fetch it. To use the desktop app, on a machine with internet run once, then start again:',
      `    ${FETCH_ELECTRON}`,
    ].join('\n'),
  };
}

/** Resolves true once Electron has run for a while, false when it could not start (no display, say). */
function runElectron(binary: string): Promise<boolean> {
  const built = spawnSync(process.execPath, [path.join(desktopDir, 'scripts/build-electron.mjs')], {
    stdio: 'inherit',
  });
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
  const argv = process.argv.slice(2);
  // Settings are checked before anything is built; a renderer given by --renderer-dir is used as it is.
  if (path.resolve(loadHostConfig(argv, process.env).rendererDir) === RENDERER_DIST) ensureRendererBuilt();
  const electron = findElectron();
  if ('binary' in electron && (await runElectron(electron.binary))) return;
  const why = 'binary' in electron ? 'Electron could not start here (no display?).' : electron.missing;
  console.log(`\nThe inbox opens in your browser, served by the Node host: ${why}`);
  await runNodeHost([...argv, '--open'], process.env);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
