import { z } from 'zod';
import { ChannelSendHealthDTO } from '@switchboard/shared';
import type { Emit } from './engine-events.js';
import type { RestClient } from './rest-client.js';

const SendHealthList = z.object({ items: z.array(ChannelSendHealthDTO) });

/**
 * Whether each business number can send, as the server last said: read on every connect (pushes missed
 * while away), then kept up to date by its `channel:send-health-changed` pushes. Kept in memory only: after
 * a restart the next connect reads it again, and while offline nothing here could change it.
 */
export function createSendHealth(emit: Emit) {
  const byChannel = new Map<string, ChannelSendHealthDTO>();
  const list = () => [...byChannel.values()];

  /** A read that crossed a newer push must not undo it: the later word on a number wins. */
  function keep(health: ChannelSendHealthDTO): boolean {
    const known = byChannel.get(health.channelId);
    if (known && Date.parse(known.changedAt) > Date.parse(health.changedAt)) return false;
    byChannel.set(health.channelId, health);
    return true;
  }

  return {
    list,
    /** Reads every number's send health from the server. */
    async read(rest: RestClient): Promise<void> {
      const { items } = await rest.get('/api/channels/send-health', SendHealthList);
      for (const health of items) keep(health);
      emit('send-health-changed', list());
    },
    /** A push; a malformed one is reported and ignored. */
    receive(push: unknown): void {
      const parsed = ChannelSendHealthDTO.safeParse(push);
      if (!parsed.success)
        return emit(
          'problem',
          new Error(`ignored a malformed channel:send-health-changed push: ${parsed.error.message}`),
        );
      if (keep(parsed.data)) emit('send-health-changed', list());
    },
  };
}
