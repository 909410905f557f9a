// Bundles Electron's main process and the preload with esbuild: the sandboxed preload may require nothing
// but `electron`, so it must be one file; main keeps better-sqlite3 (native, rebuilt for Electron) outside.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const desktopDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(desktopDir, 'src/main/main.ts')],
    outfile: path.join(desktopDir, 'dist/main/main.cjs'),
    // ws's optional native helpers are absent on purpose; it falls back to JavaScript.
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
  }),
  build({
    ...common,
    entryPoints: [path.join(desktopDir, 'src/preload/index.ts')],
    outfile: path.join(desktopDir, 'dist/preload/index.cjs'),
    external: ['electron'],
  }),
]);
console.log('built dist/main/main.cjs and dist/preload/index.cjs');
