import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  ackError,
  ackOk,
  describeIssues,
  SendMessageCommand,
  SyncSinceRequest,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@switchboard/shared';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server, type Socket } from 'socket.io';
import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationService } from '../domain/conversation.service.js';
import type { UserService } from '../domain/user.service.js';
import type { Viewer } from '../domain/viewer.js';
import { withCorrelation } from '../lib/correlation.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { RedisClient } from '../lib/redis.js';
import type { SendService } from '../outbound/index.js';
import type { PresenceTracker } from '../routing/index.js';
import { roomsFor } from './rooms.js';

export type SocketData = { viewer: Viewer; userId: string };
export type AppSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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
      socket.data = { viewer, userId: user.id };
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
    socket.on('message:send', async (command, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = SendMessageCommand.safeParse(command);
      if (!parsed.success) {
        ack(
          ackError({
            code: 'VALIDATION_FAILED',
            message: 'invalid message:send command',
            issues: describeIssues(parsed.error.issues),
          }),
        );
        return;
      }
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
      if (!parsed.success) {
        ack(
          ackError({
            code: 'VALIDATION_FAILED',
            message: 'invalid conversation:sync request',
            issues: describeIssues(parsed.error.issues),
          }),
        );
        return;
      }
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

/** Runs a command (a request of its own in the logs) and turns its outcome into an Ack; internals never leak to the client. */
async function answer<T>(logger: Logger, command: string, work: () => Promise<T>): Promise<Ack<T>> {
  return withCorrelation({ correlationId: randomUUID() }, async () => {
    try {
      return ackOk(await work());
    } catch (error) {
      if (error instanceof AppError) return ackError(error.toBody());
      logger.error({ err: error, command }, 'socket command failed');
      return ackError({ code: 'INTERNAL', message: `${command} failed; try again` });
    }
  });
}
