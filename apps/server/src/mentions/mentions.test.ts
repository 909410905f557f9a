import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { MentionDTO, MentionListDTO, MentionableUserDTO, MessageDTO } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let admin: string;
let conversationId: string;
let channelId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  await server.deliver(envelope({ messages: [inbound.text({ from: '5511980000001', name: 'Rita', body: 'oi' })] }));
  const conversation = await server.app.models.Conversation.findOne().orFail();
  conversationId = conversation.id as string;
  channelId = conversation.channelId.toHexString();
});
afterAll(() => server.close());

/** A colleague with a name of their own, a member of the customer's channel or not. */
async function colleague(name: string, member: boolean) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.local`;
  const created = await server.api<{ id: string }>(admin, 'POST', '/api/users', {
    email,
    name,
    role: 'agent',
    password: 'password-1234',
  });
  if (member) {
    const channels = await server.api<{ items: { id: string; memberIds: string[] }[] }>(admin, 'GET', '/api/channels');
    const members = channels.body.items.find((c) => c.id === channelId)!.memberIds;
    await server.api(admin, 'PUT', `/api/channels/${channelId}/members`, { userIds: [...members, created.body.id] });
  }
  return { id: created.body.id, token: await server.login(email, 'password-1234') };
}

/** Sends as an agent does: every send carries its own Idempotency-Key. */
async function send(token: string, request: { type: 'note' | 'text'; body: string }) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as MessageDTO };
}
const note = (token: string, body: string) => send(token, { type: 'note', body });

describe('mentions', () => {
  it('a note naming a colleague notifies them and lists it in their Mentions until they read it', async () => {
    const bea = await colleague('Beatriz Nunes', true);
    const caio = await colleague('Caio Prado', false);
    const beaSocket = await server.connectSocket(bea.token);
    const beaOtherDevice = await server.connectSocket(bea.token);
    const heard: MentionDTO[] = [];
    beaSocket.on('mention:created', (m) => heard.push(m));
    let caioHeard = 0;
    (await server.connectSocket(caio.token)).on('mention:created', () => caioHeard++);

    // Only those who can see the conversation may be named in it.
    const mentionable = await server.api<{ items: MentionableUserDTO[] }>(
      admin,
      'GET',
      `/api/conversations/${conversationId}/mentionable`,
    );
    expect(mentionable.body.items.map((u) => u.name)).toContain('Beatriz Nunes');
    expect(mentionable.body.items.map((u) => u.name)).not.toContain('Caio Prado');

    const sent = await note(admin, '@Beatriz Nunes can you confirm the refund? @Caio Prado FYI');
    expect(sent.status).toBe(201);
    const mention = await eventually(async () => heard[0], 'Beatriz to be told');
    expect(mention).toMatchObject({
      conversationId,
      messageId: sent.body.id,
      author: { name: 'Administrator' },
      excerpt: '@Beatriz Nunes can you confirm the refund? @Caio Prado FYI',
      contactName: 'Rita',
      readAt: null,
    });

    const listed = await server.api<MentionListDTO>(bea.token, 'GET', '/api/mentions');
    expect(listed.body).toMatchObject({ unreadCount: 1, items: [{ id: mention.id }] });
    expect((await server.api<MentionListDTO>(caio.token, 'GET', '/api/mentions')).body.items).toEqual([]);
    expect(caioHeard).toBe(0);

    // The same note announced again (a writer that died after storing it) names her once.
    expect(await server.app.services.mentions.recordFrom(sent.body)).toBe(0);

    // Opening the conversation reads it; her other device hears the new count.
    const readOnOther = new Promise<{ unreadCount: number }>((resolve) =>
      beaOtherDevice.once('mentions:read', resolve),
    );
    const read = await server.api<{ unreadCount: number }>(bea.token, 'POST', '/api/mentions/read', {
      conversationId,
    });
    expect(read.body).toEqual({ unreadCount: 0 });
    expect(await readOnOther).toEqual({ unreadCount: 0 });
    const after = await server.api<MentionListDTO>(bea.token, 'GET', '/api/mentions?unread=true');
    expect(after.body).toEqual({ items: [], unreadCount: 0 });
  });

  it('an author naming themselves, or a reply to the customer with an @, mentions nobody', async () => {
    const dora = await colleague('Dora Lins', true);
    await note(dora.token, 'note to self @Dora Lins');
    await send(admin, { type: 'text', body: '@Dora Lins will call you' });
    // Something else Dora should hear shows the listener ran past those two.
    await note(admin, 'over to you @dora.lins');
    await eventually(
      async () => (await server.api<MentionListDTO>(dora.token, 'GET', '/api/mentions')).body.items.length > 0,
      'the last mention',
    );
    const listed = await server.api<MentionListDTO>(dora.token, 'GET', '/api/mentions');
    expect(listed.body.items.map((m) => m.excerpt)).toEqual(['over to you @dora.lins']);
  });

  it('refuses a read request that names nothing', async () => {
    const res = await server.api<{ error: { issues: unknown[] } }>(admin, 'POST', '/api/mentions/read', {});
    expect(res.status).toBe(400);
  });
});
