import type {
  BridgeMessage,
  BridgeRequest,
  InboxApi,
  InboxCommand,
  InboxCommandResults,
  InboxPush,
  InboxPushes,
  InboxResult,
} from '../../contract/inbox-api';

/** Why a command failed on the bridge itself rather than in the engine; the UI shows `message` as it is. */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `refused`: the host turned this page away (a wrong or stale key); retrying cannot help. */
export type BridgeLink = 'connecting' | 'open' | 'down' | 'refused';

export type WebSocketBridge = InboxApi & {
  /** Whether the page reaches its host (not whether the host reaches the server: that is `connection-changed`). */
  onLink(listener: (link: BridgeLink) => void): () => void;
  close(): void;
};

type Waiting = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
};
type Outgoing = { request: BridgeRequest; waiting: Waiting };

/** The host's close code for a wrong key (see src/node-host/bridge-server.ts). */
const CLOSE_WRONG_KEY = 4401;
const RETRY_FIRST_MS = 250;
const refusal = () =>
  new BridgeError('FORBIDDEN', 'This page may not talk to the inbox engine: open the address the host printed.');
const RETRY_MAX_MS = 4_000;
/** How long a command may wait for the host to come back (or to answer) before it fails with a clear error. */
const COMMAND_TIMEOUT_MS = 15_000;

/**
 * InboxApi over the Node host's WebSocket. The socket reconnects by itself; a command made while it is down
 * waits for it (up to COMMAND_TIMEOUT_MS); a command already sent when it drops fails, since nobody can say
 * whether the host ran it.
 */
export function createWebSocketBridge(url: string): WebSocketBridge {
  let socket: WebSocket | null = null;
  let link: BridgeLink = 'connecting';
  let nextId = 1;
  let retryMs = RETRY_FIRST_MS;
  let closed = false;
  const sent = new Map<number, Waiting>();
  const queued: Outgoing[] = [];
  const pushListeners = new Map<InboxPush, Set<(...payload: unknown[]) => void>>();
  const linkListeners = new Set<(link: BridgeLink) => void>();

  const setLink = (next: BridgeLink) => {
    if (next === link) return;
    link = next;
    for (const listener of linkListeners) listener(next);
  };

  const transmit = ({ request, waiting }: Outgoing) => {
    sent.set(request.id, waiting);
    socket!.send(JSON.stringify(request));
  };

  const onMessage = (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as BridgeMessage;
    if (message.kind === 'push') {
      for (const listener of pushListeners.get(message.push) ?? []) listener(...message.payload);
      return;
    }
    const waiting = sent.get(message.id);
    if (!waiting) return;
    sent.delete(message.id);
    clearTimeout(waiting.timer);
    const result = message.result as InboxResult<unknown>;
    if (result.ok) waiting.resolve(result.data);
    else waiting.reject(new BridgeError(result.error.code, result.error.message));
  };

  const connect = () => {
    setLink('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = RETRY_FIRST_MS;
      setLink('open');
      for (const outgoing of queued.splice(0)) transmit(outgoing);
    };
    ws.onmessage = onMessage;
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      const refused = event.code === CLOSE_WRONG_KEY;
      const failure = refused
        ? refusal()
        : new BridgeError('UNAVAILABLE', 'The connection to the inbox engine dropped before it answered; try again.');
      // Refused, retrying cannot help: everything waiting fails now, with what to do.
      const failing = refused ? [...sent.values(), ...queued.splice(0).map((o) => o.waiting)] : [...sent.values()];
      sent.clear();
      for (const waiting of failing) {
        clearTimeout(waiting.timer);
        waiting.reject(failure);
      }
      if (closed) return;
      if (refused) {
        closed = true;
        return setLink('refused');
      }
      setLink('down');
      setTimeout(connect, retryMs);
      retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
    };
  };
  connect();

  return {
    invoke<C extends InboxCommand>(command: C, ...args: unknown[]): Promise<InboxCommandResults[C]> {
      return new Promise((resolve, reject) => {
        if (link === 'refused') return reject(refusal());
        const request: BridgeRequest = { kind: 'invoke', id: nextId++, command, args };
        const timer = setTimeout(() => {
          const at = queued.findIndex((o) => o.request.id === request.id);
          if (at >= 0) queued.splice(at, 1);
          sent.delete(request.id);
          reject(
            new BridgeError(
              'UNAVAILABLE',
              `The inbox engine did not answer "${command}" in time; is it still running?`,
            ),
          );
        }, COMMAND_TIMEOUT_MS);
        const outgoing = { request, waiting: { resolve: resolve as (v: unknown) => void, reject, timer } };
        if (socket?.readyState === WebSocket.OPEN) transmit(outgoing);
        else queued.push(outgoing);
      });
    },
    on<P extends InboxPush>(push: P, listener: (...payload: InboxPushes[P]) => void) {
      const set = pushListeners.get(push) ?? new Set();
      pushListeners.set(push, set);
      const untyped = listener as (...payload: unknown[]) => void;
      set.add(untyped);
      return () => void set.delete(untyped);
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => void linkListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
