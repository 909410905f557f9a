import { ConversationPresenceDTO } from '@switchboard/shared';
import type { Emit } from './engine-events.js';
import { request, RequestInterrupted, type ClientSocket } from './socket-request.js';

type PresenceOptions = {
  socket: () => ClientSocket | null;
  emit: Emit;
  report: (error: unknown) => void;
  ackTimeoutMs: number;
};

/**
 * The conversation this agent has open, told to the server so colleagues see "Ana is viewing", and told again
 * after every reconnect (the server's presence is per socket). Typing is sent as it happens and never queued:
 * a typing state sent late would be a false one.
 */
export function createPresence({ socket, emit, report, ackTimeoutMs }: PresenceOptions) {
  let viewing: string | null = null;

  const tell = async (): Promise<ConversationPresenceDTO | null> => {
    const current = socket();
    if (!current?.connected) return null;
    const conversationId = viewing;
    try {
      const answer = await request(current, 'conversation:view', { conversationId }, ackTimeoutMs);
      if (!answer.ok) throw new Error(`conversation:view refused: ${answer.error.message}`);
      return conversationId === viewing ? answer.data : null;
    } catch (error) {
      // A dropped connection tells the server the agent left; the reconnect tells it again.
      if (!(error instanceof RequestInterrupted)) report(error);
      return null;
    }
  };

  return {
    /** Opens a conversation (null: none) and answers who is there now: null while offline. */
    view(conversationId: string | null) {
      viewing = conversationId;
      return tell();
    },
    typing(conversationId: string, typing: boolean) {
      const current = socket();
      if (current?.connected && conversationId === viewing)
        current.emit('conversation:typing', { conversationId, typing });
    },
    /** A connect (first or again): the new socket views what the agent has open. */
    connected() {
      if (viewing) void tell().then((presence) => presence && emit('presence-changed', presence));
    },
    receive(presence: unknown) {
      const parsed = ConversationPresenceDTO.safeParse(presence);
      if (!parsed.success)
        return report(new Error(`ignored a malformed conversation:presence push: ${parsed.error.message}`));
      if (parsed.data.conversationId === viewing) emit('presence-changed', parsed.data);
    },
  };
}
