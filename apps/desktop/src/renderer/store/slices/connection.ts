import type { ConnectionState } from '../../../contract/inbox-api';
import type { BridgeLink } from '../../services/bridge';
import type { Slice } from '../types';

export type ConnectionSlice = {
  /** The engine's link to the server. */
  connection: ConnectionState;
  /** The page's link to the engine's host (always open in Electron). */
  hostLink: BridgeLink;
  setConnection(state: ConnectionState): void;
  setHostLink(link: BridgeLink): void;
};

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'offline',
  hostLink: 'open',
  setConnection: (connection) => set({ connection }),
  setHostLink: (hostLink) => set({ hostLink }),
});
