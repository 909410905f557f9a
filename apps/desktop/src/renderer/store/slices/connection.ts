import type { ChannelSendHealthDTO } from '@switchboard/shared';
import type { ConnectionState } from '../../../contract/inbox-api';
import type { BridgeLink } from '../../services/bridge';
import { sendHealthService } from '../../services/send-health.service';
import type { Slice } from '../types';

export type ConnectionSlice = {
  /** The engine's link to the server. */
  connection: ConnectionState;
  /** The page's link to the engine's host (always open in Electron). */
  hostLink: BridgeLink;
  /** Whether each business number can send, as the server last said: replies to a number that cannot wait. */
  sendHealth: ChannelSendHealthDTO[];
  setConnection(state: ConnectionState): void;
  setHostLink(link: BridgeLink): void;
  loadSendHealth(): Promise<void>;
  applySendHealth(health: ChannelSendHealthDTO[]): void;
};

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'offline',
  hostLink: 'open',
  sendHealth: [],
  setConnection: (connection) => set({ connection }),
  setHostLink: (hostLink) => set({ hostLink }),
  async loadSendHealth() {
    try {
      set({ sendHealth: await sendHealthService.list() });
    } catch (error) {
      // Nobody signed in yet, or the host is away: the next push or connect brings it.
      console.warn('send health:', error);
    }
  },
  applySendHealth: (sendHealth) => set({ sendHealth }),
});
