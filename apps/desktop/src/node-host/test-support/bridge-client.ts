import { once } from 'node:events';
import WebSocket from 'ws';
import type { BridgeMessage, BridgeRequest, InboxCommand, InboxPush, InboxResult } from '../../contract/inbox-api.js';

/** A real WebSocket client speaking the bridge's wire format, as the browser side does. */
export async function connectBridge(url: string, origin?: string) {
  const socket = new WebSocket(url, origin ? { origin } : {});
  const pushes: { push: InboxPush; payload: unknown[] }[] = [];
  const waiting = new Map<number, (result: InboxResult<unknown>) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as BridgeMessage;
    if (message.kind === 'push') pushes.push({ push: message.push, payload: message.payload });
    else waiting.get(message.id)?.(message.result);
  });
  await once(socket, 'open');
  return {
    socket,
    pushes,
    invoke(command: InboxCommand | string, ...args: unknown[]): Promise<InboxResult<unknown>> {
      const id = nextId++;
      const request = { kind: 'invoke', id, command: command as InboxCommand, args } satisfies BridgeRequest;
      socket.send(JSON.stringify(request));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => socket.close(),
  };
}

/** How the host ended a connection: the close code, or the HTTP status of a refused upgrade. */
export function refusal(url: string, origin?: string): Promise<{ code?: number; status?: number }> {
  const socket = new WebSocket(url, origin ? { origin } : {});
  return new Promise((resolve) => {
    socket.on('close', (code) => resolve({ code }));
    socket.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode });
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}
