import type { Server as HttpServer } from 'node:http';
import { ackError, ackOk, SyncSinceRequest, describeIssues, type ClientToServerEvents, type ServerToClientEvents } from '@switchboard/shared';
import { Server, type Socket } from 'socket.io';
import type { Services } from '../domain/services.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { roomsFor } from '../realtime/rooms.js';

export type SocketData = { viewer: Viewer; userId: string };
export type AppSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO with the shared typed contract: the handshake must carry a valid token, rooms follow access. */
export function createSocketServer(httpServer: HttpServer, services: Services, logger: Logger): AppSocketServer {
  const io: AppSocketServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) return next(new Error('UNAUTHENTICATED: send auth.token in the handshake'));
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
    socket.on('conversation:sync', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = SyncSinceRequest.safeParse(request);
      if (!parsed.success) {
        ack(ackError({ code: 'VALIDATION_FAILED', message: 'invalid conversation:sync request', issues: describeIssues(parsed.error.issues) }));
        return;
      }
      try {
        const conversation = await services.conversations.findVisible(parsed.data.conversationId, socket.data.viewer);
        const events = await services.log.since(conversation._id, parsed.data.afterSeq, parsed.data.limit ?? 200);
        ack(ackOk({ events, latestSeq: conversation.seq }));
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'conversation:sync failed');
        ack(ackError(error instanceof AppError ? error.toBody() : { code: 'INTERNAL', message: 'sync failed' }));
      }
    });
  });
  return io;
}
