import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ApiErrorResponse, CannedReplyDTO, RenderedCannedReply } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

type Listed = { items: CannedReplyDTO[] };

let server: TestServer;
let admin: string;
let agent: { id: string; token: string };
let otherAgent: { id: string; token: string };
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  agent = await server.userWith('agent');
  otherAgent = await server.userWith('agent');
});
afterAll(() => server.close());

const create = (token: string, body: Record<string, unknown>) =>
  server.api<CannedReplyDTO & ApiErrorResponse>(token, 'POST', '/api/canned-replies', body);
const list = async (token: string, query = '') =>
  (await server.api<Listed>(token, 'GET', `/api/canned-replies${query}`)).body.items;

describe('canned replies', () => {
  it('shared replies are the team’s in each language; personal ones are their owner’s alone', async () => {
    const en = await create(admin, {
      scope: 'shared',
      shortcut: 'Thanks',
      text: 'Thanks {{contact.first_name}}!',
      language: 'en',
    });
    expect(en.status).toBe(201);
    expect(en.body).toMatchObject({
      shortcut: 'thanks',
      scope: 'shared',
      ownerId: null,
      updatedBy: { name: expect.any(String) },
    });
    expect(
      (
        await create(admin, {
          scope: 'shared',
          shortcut: 'thanks',
          text: '¡Gracias {{contact.first_name}}!',
          language: 'es',
        })
      ).status,
    ).toBe(201);

    const mine = await create(agent.token, {
      scope: 'personal',
      shortcut: 'thanks',
      text: 'Cheers, {{agent.first_name}}',
      language: 'en',
    });
    expect(mine.status).toBe(201);
    expect(mine.body.ownerId).toBe(agent.id);

    const seen = await list(agent.token);
    expect(seen.map((r) => `${r.scope}:${r.language}:${r.shortcut}`)).toEqual(
      expect.arrayContaining(['shared:en:thanks', 'shared:es:thanks', 'personal:en:thanks']),
    );
    expect((await list(otherAgent.token)).some((r) => r.scope === 'personal')).toBe(false);
    expect((await list(agent.token, '?language=es')).map((r) => r.language)).toEqual(['es']);

    // Another agent cannot read, change or delete it: for them it does not exist.
    expect(
      (await server.api(otherAgent.token, 'PATCH', `/api/canned-replies/${mine.body.id}`, { text: 'x' })).status,
    ).toBe(404);
    expect((await server.api(otherAgent.token, 'DELETE', `/api/canned-replies/${mine.body.id}`)).status).toBe(404);
  });

  it('agents may not create or change shared replies; a taken shortcut and an unknown variable are named', async () => {
    const shared = await create(agent.token, { scope: 'shared', shortcut: 'refund', text: 'x', language: 'en' });
    expect(shared.status).toBe(403);
    const first = await create(admin, {
      scope: 'shared',
      shortcut: 'refund',
      text: 'Your refund is on its way.',
      language: 'en',
    });
    expect((await server.api(agent.token, 'PATCH', `/api/canned-replies/${first.body.id}`, { text: 'y' })).status).toBe(
      403,
    );

    const again = await create(admin, { scope: 'shared', shortcut: 'REFUND', text: 'Other', language: 'en' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues).toEqual([{ path: 'body.shortcut', message: '/refund is taken in en' }]);

    const typo = await create(admin, {
      scope: 'shared',
      shortcut: 'hello',
      text: 'Hi {{contact.firstname}}',
      language: 'en',
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error.issues?.[0]?.path).toBe('body.text');
    expect(typo.body.error.issues?.[0]?.message).toContain('{{contact.firstname}}');

    const bad = await create(admin, { scope: 'team', shortcut: 'has space', text: '', language: 'fr' });
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual([
      'body.language',
      'body.scope',
      'body.shortcut',
      'body.text',
    ]);
  });

  it('an admin edits and deletes a shared reply, and every open inbox hears of it', async () => {
    const socket = await server.connectSocket(agent.token);
    let heard = 0;
    socket.on('canned-replies:changed', () => heard++);
    const created = await create(admin, { scope: 'shared', shortcut: 'bye', text: 'Bye!', language: 'en' });
    await eventually(async () => heard >= 1, 'the agent to hear of the new reply');

    const edited = await server.api<CannedReplyDTO>(admin, 'PATCH', `/api/canned-replies/${created.body.id}`, {
      text: 'Bye {{contact.first_name | for now}}!',
      shortcut: 'goodbye',
    });
    expect(edited.body).toMatchObject({ shortcut: 'goodbye', text: 'Bye {{contact.first_name | for now}}!' });
    await eventually(async () => heard >= 2, 'the agent to hear of the edit');

    expect((await server.api(admin, 'DELETE', `/api/canned-replies/${created.body.id}`)).status).toBe(204);
    await eventually(async () => heard >= 3, 'the agent to hear of the deletion');
    expect((await list(agent.token)).some((r) => r.id === created.body.id)).toBe(false);

    // A personal reply's change reaches its owner only.
    let otherHeard = 0;
    (await server.connectSocket(otherAgent.token)).on('canned-replies:changed', () => otherHeard++);
    await create(agent.token, { scope: 'personal', shortcut: 'mine-only', text: 'x', language: 'en' });
    await eventually(async () => heard >= 4, 'the owner to hear of their personal reply');
    expect(otherHeard).toBe(0);
  });

  it('fills in the customer’s first name, the agent’s name and the order number the bot collected', async () => {
    await server.deliver(
      envelope({ messages: [inbound.text({ from: '5491150001111', name: 'Lucía Fernández', body: 'hola' })] }),
    );
    const contact = await server.app.models.Contact.findOne({ waId: '5491150001111' }).orFail();
    const conversation = await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail();
    const reply = await create(admin, {
      scope: 'shared',
      shortcut: 'pedido',
      text: 'Hola {{contact.first_name}}, soy {{agent.name}}. Tu pedido {{entity.order_number}} ya salió.',
      language: 'es',
    });
    const render = () =>
      server.api<RenderedCannedReply>(admin, 'POST', `/api/canned-replies/${reply.body.id}/render`, {
        conversationId: conversation.id,
      });

    const before = await render();
    expect(before.body).toEqual({
      text: 'Hola Lucía, soy Administrator. Tu pedido {{entity.order_number}} ya salió.',
      missing: ['entity.order_number'],
    });

    await server.app.models.Conversation.updateOne(
      { _id: conversation._id },
      {
        $set: {
          handoff: {
            botId: 'b',
            botName: 'Bot',
            reason: 'r',
            at: new Date().toISOString(),
            attributes: { pedido: 'A-2041' },
          },
        },
      },
    );
    expect((await render()).body).toEqual({
      text: 'Hola Lucía, soy Administrator. Tu pedido A-2041 ya salió.',
      missing: [],
    });

    // An agent who cannot see the conversation cannot have it filled in.
    const hidden = await server.api(agent.token, 'POST', `/api/canned-replies/${reply.body.id}/render`, {
      conversationId: conversation.id,
    });
    expect(hidden.status).toBe(404);
  });
});
