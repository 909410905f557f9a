import type { Server as HttpServer } from 'node:http';
import {
  SendMessageCommand,
  SyncSinceRequest,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@switchboard/shared';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server, type Socket } from 'socket.io';
import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationService } from '../domain/conversation.service.js';
import type { UserService } from '../domain/user.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { RedisClient } from '../lib/redis.js';
import type { SendService } from '../outbound/index.js';
import type { PresenceTracker } from '../routing/index.js';
import { handlePresence } from './conversation-presence.js';
import { roomsFor } from './rooms.js';
import { answer, invalid } from './socket-answer.js';

/** `viewing` and `typing`: this socket's presence (conversation-presence.ts), read across processes. */
export type SocketData = { viewer: Viewer; userId: string; name: string; viewing: string | null; typing: boolean };
export type AppSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The services socket commands call (the composition root's `Services` has them all). */
export type SocketServices = {
  users: UserService;
  presence: PresenceTracker;
  send: SendService;
  conversations: ConversationService;
  log: ConversationLog;
};

/**
 * Socket.IO with the shared typed contract: the handshake must carry a valid token, rooms follow access.
 * With Redis, every process's emits reach every process's sockets through the Redis Streams adapter: unlike
 * the pub/sub adapter it resumes the stream after a Redis blip without losing packets, and it supports
 * connection state recovery.
 */
export function createSocketServer(
  httpServer: HttpServer,
  services: SocketServices,
  logger: Logger,
  redis?: RedisClient,
): AppSocketServer {
  const io: AppSocketServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    ...(redis ? { adapter: createAdapter(redis) } : {}),
  });

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0)
      return next(new Error('UNAUTHENTICATED: send auth.token in the handshake'));
    try {
      const { viewer, user } = await services.users.authenticate(token);
      socket.data = { viewer, userId: user.id, name: user.name, viewing: null, typing: false };
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? `${error.code}: ${error.message}` : 'UNAUTHENTICATED'));
    }
  });

  io.on('connection', (socket: AppSocket) => {
    void socket.join(roomsFor(socket.data.viewer));
    void services.presence
      .connected(socket.data.userId)
      .catch((error: unknown) => logger.warn({ err: error }, 'presence not recorded'));
    socket.on('disconnect', () => {
      void services.presence
        .disconnected(socket.data.userId)
        .catch((error: unknown) => logger.warn({ err: error }, 'presence not recorded'));
    });
    handlePresence(io, socket, services.conversations, logger);
    socket.on('message:send', async (command, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = SendMessageCommand.safeParse(command);
      if (!parsed.success) return ack(invalid('message:send command', parsed.error));
      const { conversationId, clientMessageId, message } = parsed.data;
      ack(
        await answer(logger, 'message:send', () =>
          services.send.send({
            conversationId,
            viewer: socket.data.viewer,
            idempotencyKey: clientMessageId,
            request: message,
          }),
        ),
      );
    });
    socket.on('conversation:sync', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = SyncSinceRequest.safeParse(request);
      if (!parsed.success) return ack(invalid('conversation:sync request', parsed.error));
      ack(
        await answer(logger, 'conversation:sync', async () => {
          const conversation = await services.conversations.findVisible(parsed.data.conversationId, socket.data.viewer);
          const events = await services.log.since(conversation._id, parsed.data.afterSeq, parsed.data.limit ?? 200);
          return { events, latestSeq: conversation.seq };
        }),
      );
    });
  });
  return io;
}
