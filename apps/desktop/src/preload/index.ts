import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { InboxApi, InboxCommand, InboxPush, InboxResult } from '../contract/inbox-api.js';
import { invokeChannel, pushChannel, type InboxErrorObject } from '../contract/ipc-channels.js';

/**
 * `window.switchboard`: the contract over IPC. The page gets these two functions and nothing of
 * ipcRenderer itself, so it can call only the declared commands and hear only the declared pushes.
 */
const api: InboxApi = {
  async invoke(command: InboxCommand, ...args: unknown[]) {
    const result = (await ipcRenderer.invoke(invokeChannel(command), ...args)) as InboxResult<never>;
    if (result.ok) return result.data;
    throw { name: 'InboxError', code: result.error.code, message: result.error.message } satisfies InboxErrorObject;
  },
  on(push: InboxPush, listener: (...payload: never[]) => void) {
    const channel = pushChannel(push);
    const handler = (_event: IpcRendererEvent, ...payload: unknown[]) =>
      (listener as (...p: unknown[]) => void)(...payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.off(channel, handler);
  },
} as InboxApi;

contextBridge.exposeInMainWorld('switchboard', api);
