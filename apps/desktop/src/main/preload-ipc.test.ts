import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import type { IpcMain } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboxApi } from '../contract/inbox-api.js';
import { tempDir } from '../engine/test-support/fixtures.js';
import { createInboxService } from '../service/inbox-service.js';
import { APP_ORIGIN } from './app-protocol.js';
import { forwardPushes, registerIpc } from './ipc.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

/**
 * Electron cannot run on this machine, so its IPC is played by a small in-process router; everything else is
 * real: the preload as esbuild bundles it for the sandbox, main's generated handlers, and the inbox service.
 */
async function loadPreload(senderUrl: string) {
  const bundle = await build({
    entryPoints: [path.join(here, '../preload/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['electron'],
  });
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const toRenderer = new EventEmitter();
  const ipcMain = {
    handle: (channel: string, h: never) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const required: string[] = [];
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) =>
        handlers.get(channel)!({ senderFrame: { url: senderUrl } }, ...args),
      on: (channel: string, listener: (...a: unknown[]) => void) => toRenderer.on(channel, listener),
      off: (channel: string, listener: (...a: unknown[]) => void) => toRenderer.off(channel, listener),
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const service = createInboxService({ dataDir: dir.file('data'), mediaUrl: (id) => `${APP_ORIGIN}/media/${id}` });
  registerIpc(ipcMain as unknown as IpcMain, service);
  const contents = {
    isDestroyed: () => false,
    send: (channel: string, ...payload: unknown[]) => toRenderer.emit(channel, {}, ...payload),
  };
  forwardPushes(service, () => contents as never);
  vm.runInNewContext(bundle.outputFiles[0]!.text, { require: sandboxRequire, module: { exports: {} }, exports: {} });
  return { api: exposed.switchboard as InboxApi, required, service };
}

describe('the preload (window.switchboard over IPC)', () => {
  it('needs nothing but electron, and carries commands, errors and pushes of the contract', async () => {
    const { api, required, service } = await loadPreload(`${APP_ORIGIN}/index.html`);
    expect(new Set(required)).toEqual(new Set(['electron']));

    expect(await api.invoke('session:get')).toEqual({ user: null, serverUrl: null, connection: 'offline' });
    await expect(api.invoke('inbox:list', { view: 'nope' as never })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('view'),
    });
    await expect(api.invoke('inbox:list', { view: 'mine' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const sessions: unknown[] = [];
    const stop = api.on('session-changed', (state) => sessions.push(state));
    await api.invoke('session:logout');
    stop();
    await api.invoke('session:logout');
    expect(sessions).toEqual([{ user: null, serverUrl: null, connection: 'offline' }]);
    await service.stop();
  });

  it('refuses a call from a frame that is not the app', async () => {
    const { api, service } = await loadPreload('https://evil.example/');
    await expect(api.invoke('session:get')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await service.stop();
  });
});
