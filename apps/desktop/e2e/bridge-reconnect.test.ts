import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { startNodeHost, type NodeHost } from '../src/node-host/node-host.js';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';
import { createWebSocketBridge, type BridgeLink } from '../src/renderer/services/ws-bridge.js';
import { eventually } from '@switchboard/test-support/harness';
import { RENDERER_DIST } from '../scripts/renderer-build.js';

// The renderer's bridge runs in a browser; Node 20 has no WebSocket global, so `ws` (same API) stands in.
Object.assign(globalThis, { WebSocket: NodeWebSocket });

let host: NodeHost;
let proxy: TcpProxy;
const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-bridge-'));

beforeAll(async () => {
  host = await startNodeHost({ port: 0, dataDir, rendererDir: RENDERER_DIST });
  proxy = await startTcpProxy(host.origin);
});
afterAll(async () => {
  await proxy.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bridgeUrl = (key: string) => `${proxy.url.replace('http', 'ws')}/bridge?key=${key}`;

describe("the renderer's WebSocket bridge to the real Node host", () => {
  it('reconnects by itself when the socket drops; a command made meanwhile waits and is answered once it is back', async () => {
    const bridge = createWebSocketBridge(bridgeUrl(host.key));
    const links: BridgeLink[] = [];
    bridge.onLink((link) => links.push(link));
    try {
      expect((await bridge.invoke('session:get')).user).toBeNull();

      proxy.cut();
      await eventually(async () => links.includes('down'), 'the bridge to see the drop');
      const asked = bridge.invoke('session:get');
      proxy.restore();
      expect((await asked).user).toBeNull();
      expect(links.at(-1)).toBe('open');
    } finally {
      bridge.close();
    }
  });

  it('a page with the wrong key is refused for good, and its commands fail saying what to do', async () => {
    const bridge = createWebSocketBridge(bridgeUrl('not-the-key'));
    const links: BridgeLink[] = [];
    bridge.onLink((link) => links.push(link));
    await expect(bridge.invoke('session:get')).rejects.toThrow(/open the address the host printed/);
    expect(links.at(-1)).toBe('refused');
    await expect(bridge.invoke('session:get')).rejects.toThrow(/open the address the host printed/);
    bridge.close();
  });
});
