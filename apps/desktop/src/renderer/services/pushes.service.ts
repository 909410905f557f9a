import type { InboxPush, InboxPushes } from '../../contract/inbox-api';
import { bridge, type BridgeLink } from './bridge';

export const pushes = {
  on: <P extends InboxPush>(push: P, listener: (...payload: InboxPushes[P]) => void) => bridge.api.on(push, listener),
  /** Whether the page reaches the engine's host at all. */
  onLink: (listener: (link: BridgeLink) => void) => bridge.onLink(listener),
};
