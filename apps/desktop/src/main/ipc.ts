import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { InboxCommandArgs, type InboxCommand } from '../contract/inbox-api.js';
import { invokeChannel, pushChannel } from '../contract/ipc-channels.js';
import type { InboxService } from '../service/inbox-service.js';
import { isAppUrl } from './app-protocol.js';

/**
 * One handler per command of the contract, generated from its keys, so a command cannot exist on one side
 * only. The service validates every argument with the contract's schemas before acting; here the sender is
 * checked too: only the app's own page (never a frame from elsewhere) may call.
 */
export function registerIpc(ipcMain: IpcMain, service: InboxService): () => void {
  const commands = Object.keys(InboxCommandArgs) as InboxCommand[];
  for (const command of commands) {
    ipcMain.handle(invokeChannel(command), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isAppUrl(event.senderFrame?.url ?? ''))
        return { ok: false, error: { code: 'FORBIDDEN', message: 'only the Switchboard window may call the engine' } };
      return service.invoke(command, args);
    });
  }
  return () => commands.forEach((command) => ipcMain.removeHandler(invokeChannel(command)));
}

/** Every push of the service, to the window's page. */
export function forwardPushes(service: InboxService, target: () => WebContents | null): () => void {
  return service.onPush((push, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(pushChannel(push), ...payload);
  });
}
