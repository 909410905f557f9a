import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { BridgeMessage } from '../contract/inbox-api.js';
import type { InboxService } from '../service/inbox-service.js';

/** Close codes the browser side can tell apart. */
export const CLOSE_WRONG_KEY = 4401;
export const CLOSE_MALFORMED = 4400;

const BridgeRequestSchema = z.strictObject({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(100),
  args: z.array(z.unknown()).max(10),
});

const MAX_FRAME_BYTES = 1024 * 1024;

export const sameKey = (given: string | null, key: string) => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The contract over a local WebSocket, for the renderer running in a browser. Only pages this host served may
 * connect (their Origin is the host's own), and only with the key from the URL the host printed.
 */
export function createBridgeServer(service: InboxService, key: string, allowedOrigins: () => string[]) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!sameKey(url.searchParams.get('key'), key))
      return socket.close(CLOSE_WRONG_KEY, 'wrong key: open the URL the host printed');

    const send = (message: BridgeMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const stopPushes = service.onPush((push, payload) => send({ kind: 'push', push, payload }));
    socket.on('close', stopPushes);
    socket.on('message', (data, isBinary) => {
      const parsed = isBinary ? null : BridgeRequestSchema.safeParse(parseJson(data.toString()));
      if (!parsed?.success)
        return socket.close(CLOSE_MALFORMED, 'send JSON text frames of the form {kind:"invoke", id, command, args}');
      const { id, command, args } = parsed.data;
      void service.invoke(command, args).then((result) => send({ kind: 'result', id, result }));
    });
  });

  return {
    /** Takes the upgrade of `/bridge`; refuses one from a page this host did not serve. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      const origin = request.headers.origin;
      // Browsers always send an Origin; a local process without one still needs the key.
      if (origin !== undefined && !allowedOrigins().includes(origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
