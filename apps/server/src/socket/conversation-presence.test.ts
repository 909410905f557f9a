import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import {
  TYPING_TTL_MS,
  type Ack,
  type ChannelDTO,
  type ConversationPresenceDTO,
  type PresenceUser,
} from '@switchboard/shared';
import { eventually, startTestServer, type ClientSocket, type TestServer } from '@switchboard/test-support/harness';

const SUPPORT = '100000000000021';

let server: TestServer;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login();
  await server.api<ChannelDTO>(admin, 'POST', '/api/channels', { phoneNumberId: SUPPORT, name: 'Support' });
  await server.deliver(
    envelope({ phoneNumberId: SUPPORT, messages: [inbound.text({ from: '5511944440001', body: 'hello?' })] }),
  );
  conversationId = (await server.app.models.Conversation.findOne().orFail()).id;
});
afterAll(() => server.close());

/** A supervisor (who sees every conversation) named `name`, signed in on a socket. */
async function colleague(name: string): Promise<{ user: PresenceUser; socket: ClientSocket }> {
  const { id, token } = await server.userWith('supervisor');
  await server.api(await server.login(), 'PATCH', `/api/users/${id}`, { name });
  return { user: { userId: id, name }, socket: await server.connectSocket(token) };
}

/** Keeps the latest presence pushed for the conversation. */
function latest(socket: ClientSocket): () => ConversationPresenceDTO | undefined {
  let last: ConversationPresenceDTO | undefined;
  socket.on('conversation:presence', (presence) => {
    if (presence.conversationId === conversationId) last = presence;
  });
  return () => last;
}

const view = (socket: ClientSocket, id: string | null) =>
  new Promise<Ack<ConversationPresenceDTO | null>>((resolve) =>
    socket.emit('conversation:view', { conversationId: id }, resolve),
  );
const typing = (socket: ClientSocket, on: boolean) =>
  new Promise<Ack<null>>((resolve) => socket.emit('conversation:typing', { conversationId, typing: on }, resolve));

describe('who views a conversation and who writes in it', () => {
  it('tells those viewing who else is there and who is typing, and typing ends by itself', async () => {
    const ana = await colleague('Ana');
    const bruno = await colleague('Bruno');
    const brunoSees = latest(bruno.socket);

    expect(await view(ana.socket, conversationId)).toEqual({
      ok: true,
      data: { conversationId, viewers: [ana.user], typing: [] },
    });
    expect(await view(bruno.socket, conversationId)).toEqual({
      ok: true,
      data: { conversationId, viewers: [ana.user, bruno.user], typing: [] },
    });

    expect(await typing(ana.socket, true)).toEqual({ ok: true, data: null });
    const typed = Date.now();
    await eventually(async () => brunoSees()?.typing.length === 1, 'Bruno to see Ana typing');
    expect(brunoSees()).toEqual({ conversationId, viewers: [ana.user, bruno.user], typing: [ana.user] });

    // Ana's client stops refreshing: her typing ends on its own, and Bruno is told.
    await eventually(async () => brunoSees()?.typing.length === 0, 'Ana typing to end by itself', 4 * TYPING_TTL_MS);
    expect(Date.now() - typed).toBeGreaterThanOrEqual(TYPING_TTL_MS - 50);
    expect(brunoSees()?.viewers).toEqual([ana.user, bruno.user]);

    ana.socket.disconnect();
    await eventually(async () => brunoSees()?.viewers.length === 1, 'Ana to leave on disconnect');
    expect(brunoSees()).toEqual({ conversationId, viewers: [bruno.user], typing: [] });
    bruno.socket.disconnect();
  });

  it('leaving for another conversation or none tells the others', async () => {
    const ana = await colleague('Ana');
    const bruno = await colleague('Bruno');
    const brunoSees = latest(bruno.socket);
    await view(bruno.socket, conversationId);
    await view(ana.socket, conversationId);
    await typing(ana.socket, true);
    await eventually(async () => brunoSees()?.typing.length === 1, 'Bruno to see Ana typing');
    expect(await view(ana.socket, null)).toEqual({ ok: true, data: null });
    await eventually(async () => !brunoSees()?.viewers.some((v) => v.userId === ana.user.userId), 'Ana to be gone');
    expect(brunoSees()?.viewers).toContainEqual(bruno.user);
    expect(brunoSees()?.typing).toEqual([]);
  });

  it('refuses a conversation the user may not see, typing where they are not, and malformed commands', async () => {
    const outsider = await server.userWith('agent');
    const socket = await server.connectSocket(outsider.token);
    expect(await view(socket, conversationId)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'conversation not found' },
    });
    expect(await typing(socket, true)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await view(socket, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'conversationId' })] },
    });
  });
});
