import { readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../engine/test-support/fixtures.js';
import { DEFAULT_HOST_PORT, loadHostConfig } from './host-config.js';
import { startNodeHost } from './node-host.js';

const dir = tempDir();
afterAll(() => dir.remove());

const hostIn = (dataDir: string, port = 0) =>
  startNodeHost({ port, dataDir, rendererDir: path.join(dataDir, 'no-renderer') });

describe("the inbox's address", () => {
  it('keeps its key across restarts, in the data folder, readable by this user only', async () => {
    const dataDir = dir.file('data');
    const first = await hostIn(dataDir);
    await first.close();
    const second = await hostIn(dataDir);
    await second.close();
    expect(second.key).toBe(first.key);
    expect(second.url).toContain(`?key=${first.key}`);
    expect(statSync(path.join(dataDir, 'host-key')).mode & 0o777).toBe(0o600);

    const elsewhere = await hostIn(dir.file('data'));
    await elsewhere.close();
    expect(elsewhere.key).not.toBe(first.key);
  });

  it('replaces a damaged key file with a new key', async () => {
    const dataDir = dir.file('data');
    const first = await hostIn(dataDir);
    await first.close();
    writeFileSync(path.join(dataDir, 'host-key'), 'short');
    const second = await hostIn(dataDir);
    await second.close();
    expect(second.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(path.join(dataDir, 'host-key'), 'utf8').trim()).toBe(second.key);
  });

  it('uses a fixed port by default, and says what to do when that port is taken', async () => {
    expect(loadHostConfig([], {}).port).toBe(DEFAULT_HOST_PORT);
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    try {
      await expect(hostIn(dir.file('data'), port)).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken.*--port <n> or SWITCHBOARD_HOST_PORT`),
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

describe('the host settings', () => {
  it('take flags after the `--` that `pnpm run host -- ...` passes through', () => {
    const config = loadHostConfig(['--', '--server', 'http://127.0.0.1:3999', '--port', '4301', '--open'], {});
    expect(config).toMatchObject({ serverUrl: 'http://127.0.0.1:3999', port: 4301, open: true });
  });

  it('name the bad setting, flags winning over the environment', () => {
    expect(() => loadHostConfig(['--port', 'eighty'], {})).toThrow(/bad host settings: port: /);
    expect(() => loadHostConfig([], { SWITCHBOARD_SERVER_URL: 'not a url' })).toThrow(/serverUrl: must be a URL/);
    expect(loadHostConfig(['--port', '4302'], { SWITCHBOARD_HOST_PORT: '4303' }).port).toBe(4302);
  });
});
