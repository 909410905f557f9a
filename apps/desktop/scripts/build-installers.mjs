// Runs electron-builder with the repository's one electron-builder.yml (the project is the repository root,
// the app is apps/desktop). electron-builder looks for Electron only in the project's own node_modules, and
// pnpm keeps it in the desktop's, so the installed version is handed over rather than written down twice.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { version } = require('electron/package.json');
const cli = require.resolve('electron-builder/cli.js');
const args = [
  cli,
  '--projectDir',
  root,
  '--config',
  'electron-builder.yml',
  `-c.electronVersion=${version}`,
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
