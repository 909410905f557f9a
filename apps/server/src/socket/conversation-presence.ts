import {
  ackError,
  ackOk,
  TYPING_TTL_MS,
  TypingCommand,
  ViewConversationCommand,
  type ConversationPresenceDTO,
  type PresenceUser,
} from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Logger } from '../lib/logger.js';
import { viewingRoom } from './rooms.js';
import type { AppSocket, AppSocketServer } from './socket-server.js';
import { answer, invalid } from './socket-answer.js';

/**
 * Who has a conversation open and who writes in it, read from the sockets in its viewing room. The state lives
 * in each socket's `data` (no database write per keystroke), and fetchSockets() reads it from every process when
 * the Redis adapter joins them, so the answer is the same whichever process asks.
 */
export async function presenceOf(io: AppSocketServer, conversationId: string): Promise<ConversationPresenceDTO> {
  const viewers = new Map<string, PresenceUser>();
  const typing = new Map<string, PresenceUser>();
  for (const { data } of await io.in(viewingRoom(conversationId)).fetchSockets()) {
    if (data.viewing !== conversationId) continue;
    const user = { userId: data.userId, name: data.name };
    viewers.set(user.userId, user);
    if (data.typing) typing.set(user.userId, user);
  }
  const byName = (a: PresenceUser, b: PresenceUser) => a.name.localeCompare(b.name);
  return { conversationId, viewers: [...viewers.values()].sort(byName), typing: [...typing.values()].sort(byName) };
}

/**
 * `conversation:view` and `conversation:typing` for one socket: it moves between viewing rooms, its typing
 * ends by itself when not refreshed within TYPING_TTL_MS, and whoever views a conversation is told each change.
 */
export function handlePresence(
  io: AppSocketServer,
  socket: AppSocket,
  conversations: Pick<ConversationService, 'findVisible'>,
  logger: Logger,
): void {
  let typingEnds: NodeJS.Timeout | undefined;

  const publish = async (conversationId: string) => {
    const presence = await presenceOf(io, conversationId);
    io.to(viewingRoom(conversationId)).emit('conversation:presence', presence);
    return presence;
  };
  const publishLater = (conversationId: string) =>
    void publish(conversationId).catch((error: unknown) =>
      logger.warn({ err: error, conversationId }, 'presence not pushed'),
    );
  const stopTyping = () => {
    clearTimeout(typingEnds);
    const was = socket.data.typing;
    socket.data.typing = false;
    return was;
  };

  socket.on('conversation:view', async (command, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = ViewConversationCommand.safeParse(command);
    if (!parsed.success) return ack(invalid('conversation:view command', parsed.error));
    const next = parsed.data.conversationId;
    ack(
      await answer(logger, 'conversation:view', async () => {
        if (next) await conversations.findVisible(next, socket.data.viewer);
        const previous = socket.data.viewing;
        stopTyping();
        socket.data.viewing = next;
        if (previous && previous !== next) {
          await socket.leave(viewingRoom(previous));
          publishLater(previous);
        }
        if (!next) return null;
        await socket.join(viewingRoom(next));
        return publish(next);
      }),
    );
  });

  socket.on('conversation:typing', async (command, ack) => {
    const reply = typeof ack === 'function' ? ack : () => undefined;
    const parsed = TypingCommand.safeParse(command);
    if (!parsed.success) return reply(invalid('conversation:typing command', parsed.error));
    const { conversationId, typing } = parsed.data;
    if (socket.data.viewing !== conversationId)
      return reply(ackError({ code: 'CONFLICT', message: 'send conversation:view for this conversation first' }));
    const was = stopTyping();
    if (typing) {
      socket.data.typing = true;
      typingEnds = setTimeout(() => {
        socket.data.typing = false;
        publishLater(conversationId);
      }, TYPING_TTL_MS);
    }
    reply(ackOk(null));
    // A refresh of typing that goes on changes nothing anyone sees.
    if (was !== typing) publishLater(conversationId);
  });

  socket.on('disconnect', () => {
    stopTyping();
    // The socket has left its rooms by now, so the presence pushed no longer counts it.
    if (socket.data.viewing) publishLater(socket.data.viewing);
  });
}
