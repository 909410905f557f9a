import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer is one static bundle with relative asset paths, so the same files load from file:// in
 * Electron and over HTTP from the Node host.
 */
export default defineConfig({
  root: here('./src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: here('./dist/renderer'), emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1' },
});
