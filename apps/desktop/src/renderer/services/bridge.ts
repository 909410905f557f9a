import type { InboxApi } from '../../contract/inbox-api';
import { createWebSocketBridge, type BridgeLink } from './ws-bridge';

declare global {
  interface Window {
    /** Set by Electron's preload; absent when the page is served by the Node host to a browser. */
    switchboard?: InboxApi;
  }
}

/** The host's WebSocket, beside the page, with the key the host put in the page's URL. */
function bridgeUrl(): string {
  const page = new URL(window.location.href);
  const ws = new URL('/bridge', page);
  ws.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  ws.searchParams.set('key', page.searchParams.get('key') ?? '');
  return ws.toString();
}

function connectBridge(): { api: InboxApi; onLink: (listener: (link: BridgeLink) => void) => () => void } {
  if (window.switchboard) return { api: window.switchboard, onLink: () => () => undefined };
  const ws = createWebSocketBridge(bridgeUrl());
  return { api: ws, onLink: ws.onLink };
}

/** The one connection to the engine; only the services use it. */
export const bridge = connectBridge();
export type { BridgeLink };
