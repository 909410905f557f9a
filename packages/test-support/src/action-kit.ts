import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ApiErrorResponse, ConversationEventDTO, QueueDTO, TimelineEntryDTO } from '@switchboard/shared';
import { expect } from 'vitest';
import type { ClientSocket, TestServer } from './harness.js';

/** What the conversation-action tests share: queues, agents online on real sockets, customers writing in. */
export function actionKit(server: TestServer) {
  const kit = {
    async queue(admin: string, body: Record<string, unknown>): Promise<QueueDTO> {
      const res = await server.api<QueueDTO>(admin, 'POST', '/api/queues', body);
      expect(res.status).toBe(201);
      return res.body;
    },

    /** An agent skilled in the queues, online through a real socket that records every conversation push. */
    async agent(admin: string, queueIds: string[], capacity = 3) {
      const user = await server.userWith('agent');
      expect((await server.api(admin, 'PUT', `/api/agents/${user.id}/profile`, { queueIds, capacity })).status).toBe(
        204,
      );
      const token = await server.login(
        (await server.api<{ email: string }>(user.token, 'GET', '/api/me')).body.email,
        'password-1234',
      );
      const socket = await server.connectSocket(token);
      const pushes = record(socket);
      await server.untilOnline(user.id);
      return { ...user, token, socket, pushes };
    },

    async supervisor() {
      const user = await server.userWith('supervisor');
      return { ...user, pushes: record(await server.connectSocket(user.token)) };
    },

    /** A customer writes in; returns their open conversation's id once the message is processed (and routed). */
    async customer(waId: string, body = 'hola'): Promise<string> {
      await server.deliver(envelope({ messages: [inbound.text({ from: waId, body })] }));
      const contact = await server.app.models.Contact.findOne({ waId }).orFail();
      return (await server.app.models.Conversation.findOne({ contactId: contact._id, status: 'open' }).orFail()).id;
    },

    async timeline(token: string, id: string) {
      return (
        await server.api<{ items: (TimelineEntryDTO & { seq: number })[] }>(
          token,
          'GET',
          `/api/conversations/${id}/timeline`,
        )
      ).body.items;
    },

    issuesOf(body: unknown) {
      return (body as ApiErrorResponse).error.issues ?? [];
    },
  };
  return kit;
}

/** Every conversation push a socket receives, in order. */
export function record(socket: ClientSocket): ConversationEventDTO[] {
  const received: ConversationEventDTO[] = [];
  socket.on('conversation:changes', (events) => received.push(...events));
  return received;
}

export const timelineOf = (pushes: ConversationEventDTO[], conversationId: string) =>
  pushes.flatMap((e) => (e.type === 'timeline:added' && e.conversationId === conversationId ? [e.data] : []));

export const updatesOf = (pushes: ConversationEventDTO[], conversationId: string) =>
  pushes.flatMap((e) => (e.type === 'conversation:updated' && e.conversationId === conversationId ? [e.data] : []));

/** The sequence numbers a client saw for one conversation: gap-free means each is the previous plus one. */
export const seqsOf = (pushes: ConversationEventDTO[], conversationId: string) =>
  pushes.filter((e) => e.conversationId === conversationId).map((e) => e.seq);
