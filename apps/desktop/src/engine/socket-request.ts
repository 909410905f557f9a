import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@switchboard/shared';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type AckOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (
  result: infer R,
) => void
  ? R
  : never;

export class RequestInterrupted extends Error {}

/**
 * Sends a command and waits for its Ack. Rejects on timeout and at once when the connection drops: an ack
 * may never come after a disconnect, and waiting for it would stall the outbox and the sync behind it.
 * Refuses to send while disconnected, because socket.io would buffer the command and send it later, out of
 * the order the caller sees.
 */
export function request<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs: number,
): Promise<AckOf<E>> {
  if (!socket.connected) return Promise.reject(new RequestInterrupted(`${event}: not connected`));
  return new Promise((resolve, reject) => {
    const onDisconnect = () => finish(() => reject(new RequestInterrupted(`${event}: connection lost`)));
    const timer = setTimeout(
      () => finish(() => reject(new RequestInterrupted(`${event}: no answer in ${timeoutMs} ms`))),
      timeoutMs,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      settle();
    };
    socket.on('disconnect', onDisconnect);
    const emit = socket.emit.bind(socket) as (e: string, p: unknown, ack: (result: Ack<unknown>) => void) => void;
    emit(event, payload, (result) => finish(() => resolve(result as AckOf<E>)));
  });
}
