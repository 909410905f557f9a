import type { ConversationEventDTO, QueueStateDTO, SlaAlert } from '@switchboard/shared';
import type { ConversationAudience, DomainEvents } from '../domain/domain-events.js';
import type { UserService } from '../domain/user.service.js';
import type { Logger } from '../lib/logger.js';
import type { AppSocketServer } from '../socket/socket-server.js';
import { PushBatches } from './push-batches.js';
import { EVERYTHING_ROOM, isViewingRoom, roomsFor, roomsOf, userRoom } from '../socket/rooms.js';

/** The one place that turns domain events into socket pushes. Returns the stop. */
export function pushToSockets(
  io: AppSocketServer,
  events: DomainEvents,
  users: UserService,
  logger: Logger,
): () => void {
  const pushes = new PushBatches((rooms, changes) => io.to(rooms).emit('conversation:changes', changes));
  const onConversationChanged = (event: ConversationEventDTO, audience: ConversationAudience) => {
    pushes.add(roomsOf(audience, audience.also), event);
  };

  // A changed role, name or membership: the user's sockets move to the rooms it gives, and their inbox is told
  // so its screens follow at once; a deactivated user's sockets close.
  const onAccessChanged = async (userId: string) => {
    try {
      const account = await users.liveAccountOf(userId);
      const sockets = await io.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) {
        if (!account) {
          socket.disconnect(true);
          continue;
        }
        // The conversation open stays open: presence is not access, and its room is not one of roomsFor's.
        for (const room of socket.rooms) if (room !== socket.id && !isViewingRoom(room)) socket.leave(room);
        socket.join(roomsFor(account.viewer));
        socket.data.viewer = account.viewer;
      }
      if (account) io.to(userRoom(userId)).emit('user:updated', account.user);
    } catch (error) {
      logger.error({ err: error, userId }, 'could not update live access');
    }
  };

  const onSessionsEnded = (userId: string) => {
    io.in(userRoom(userId)).disconnectSockets(true);
  };

  const onQueuesChanged = (state: QueueStateDTO[]) => {
    io.to(EVERYTHING_ROOM).emit('queues:updated', state);
  };

  const onSlaAlert = (alert: SlaAlert) => {
    io.to(alert.assigneeId ? userRoom(alert.assigneeId) : EVERYTHING_ROOM).emit('sla:alert', alert);
  };

  events.on('conversation.changed', onConversationChanged);
  events.on('sla.alert', onSlaAlert);
  events.on('user.access-changed', onAccessChanged);
  events.on('user.sessions-ended', onSessionsEnded);
  events.on('queues.changed', onQueuesChanged);
  return () => {
    pushes.flush();
    events.off('conversation.changed', onConversationChanged);
    events.off('user.access-changed', onAccessChanged);
    events.off('user.sessions-ended', onSessionsEnded);
    events.off('queues.changed', onQueuesChanged);
    events.off('sla.alert', onSlaAlert);
  };
}
