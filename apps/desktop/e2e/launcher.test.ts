import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const LAUNCHER = fileURLToPath(new URL('../scripts/launch.ts', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-launcher-'));
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// A renderer of its own, so this test never rebuilds dist/renderer under the other e2e tests' feet.
const rendererDir = path.join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title><div id="root"></div>');

/** Starts the launcher as `pnpm start` does, on a machine with no Electron binary and no display. */
async function launch(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', LAUNCHER, '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    {
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron'),
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
      },
    },
  );
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const address = await vi.waitFor(
    () => {
      const found = /Open\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (!found) throw new Error(`no address printed yet:\n${output}`);
      return found;
    },
    { timeout: 20_000, interval: 50 },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    address,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      running.delete(child);
      return code;
    },
  };
}

describe('the launcher on a machine without Electron', () => {
  it('says plainly that the inbox opens in the browser and why, serves it, and keeps its address across restarts', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await launch(dataDir);
    expect(first.output()).toContain(
      'The inbox opens in your browser, served by the Node host: there is no Electron binary on this machine.',
    );
    expect(first.output()).toContain('pnpm --filter @switchboard/desktop run fetch:electron');
    expect(first.output()).toContain('no display here: open the address above in a browser');
    expect(first.output()).not.toMatch(/fetching|could not fetch/i);

    const page = await fetch(first.address);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await first.stop()).toBe(0);

    const second = await launch(dataDir);
    const key = (address: string) => new URL(address).searchParams.get('key');
    expect(key(second.address)).toBe(key(first.address));
    expect(await second.stop()).toBe(0);
  });
});
