import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type {
  ApiErrorResponse,
  ContactChangeDTO,
  ContactDTO,
  ConversationDTO,
  ConversationEventDTO,
  TimelineEntryDTO,
} from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

/** A customer writes; returns their contact and open conversation once the message is processed. */
async function customer(waId: string, name: string, body: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, name, body })] }));
  const contact = await server.app.models.Contact.findOne({ waId }).orFail();
  const conversation = await server.app.models.Conversation.findOne({
    contactId: contact._id,
    status: 'open',
  }).orFail();
  return { contactId: contact.id as string, conversationId: conversation.id as string };
}

const patch = (token: string, id: string, body: unknown) =>
  server.api<ContactDTO & ApiErrorResponse>(token, 'PATCH', `/api/contacts/${id}`, body);
const changesOf = async (id: string) =>
  (await server.api<{ items: ContactChangeDTO[] }>(admin, 'GET', `/api/contacts/${id}/changes`)).body.items;

describe('contact profiles', () => {
  it('an edit of every field is stored, recorded with who, when, before and after, and pushed to inboxes', async () => {
    const { contactId, conversationId } = await customer('5511970000001', 'Ana Souza', 'oi, tudo bem?');
    const supervisor = await server.userWith('supervisor');
    const socket = await server.connectSocket(supervisor.token);
    const pushed: ConversationEventDTO[] = [];
    socket.on('conversation:changes', (events) => pushed.push(...events));

    const edited = await patch(admin, contactId, {
      name: 'Ana Paula Souza',
      email: 'Ana@Example.com',
      language: 'pt',
      tier: 'vip',
      attributes: { plan: 'gold', 'customer since': '2019' },
      notes: 'Prefers WhatsApp to email.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Ana Paula Souza',
      profileName: 'Ana Souza',
      email: 'ana@example.com',
      language: 'pt',
      tier: 'vip',
      attributes: { plan: 'gold', 'customer since': '2019' },
      notes: 'Prefers WhatsApp to email.',
    });

    // The conversation list everywhere shows the new name: the conversation is pushed with the contact in it.
    const update = await eventually(
      async () =>
        pushed.find(
          (e): e is Extract<ConversationEventDTO, { type: 'conversation:updated' }> =>
            e.type === 'conversation:updated' && e.conversationId === conversationId && e.data.contact.name !== null,
        ),
      'the conversation to be pushed with the new name',
    );
    expect(update.data.contact).toMatchObject({ name: 'Ana Paula Souza', tier: 'vip' });

    // A patch of attributes changes only the keys it names; null removes one.
    await patch(admin, contactId, { attributes: { plan: 'platinum', 'customer since': null } });
    // A WhatsApp profile name arriving later does not overwrite the name an agent gave.
    await server.deliver(envelope({ messages: [inbound.text({ from: '5511970000001', name: 'Aninha', body: 'oi' })] }));
    const now = (await server.api<ContactDTO>(admin, 'GET', `/api/contacts/${contactId}`)).body;
    expect(now).toMatchObject({ name: 'Ana Paula Souza', profileName: 'Aninha', attributes: { plan: 'platinum' } });

    const history = await changesOf(contactId);
    expect(history.map((h) => h.kind)).toEqual(['edited', 'edited']);
    expect(history[0]!.changes).toEqual([
      { field: 'attribute:plan', before: 'gold', after: 'platinum' },
      { field: 'attribute:customer since', before: '2019', after: null },
    ]);
    expect(history[1]).toMatchObject({ actor: { name: 'Administrator' }, at: expect.any(String) });
    expect(history[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: null, after: 'Ana Paula Souza' },
        { field: 'tier', before: 'standard', after: 'vip' },
        { field: 'email', before: null, after: 'ana@example.com' },
      ]),
    );

    // Saving what is already there records nothing.
    await patch(admin, contactId, { tier: 'vip' });
    expect(await changesOf(contactId)).toHaveLength(2);
  });

  it('refuses bad input naming the field, and hides contacts an agent cannot see', async () => {
    const { contactId } = await customer('5511970000002', 'Bruno', 'olá');
    const bad = await patch(admin, contactId, {
      email: 'not-an-email',
      tier: 'gold',
      attributes: { 'a.b': 'x' },
      language: 'fr',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual([
      'body.attributes.a.b',
      'body.email',
      'body.language',
      'body.tier',
    ]);
    expect((await patch(admin, contactId, {})).status).toBe(400);

    const agent = await server.userWith('agent');
    expect((await patch(agent.token, contactId, { name: 'x' })).status).toBe(404);
    expect((await server.api(agent.token, 'GET', `/api/contacts/${contactId}`)).status).toBe(404);
    const found = await server.api<{ items: ContactDTO[] }>(agent.token, 'GET', '/api/contacts?q=Bruno');
    expect(found.body.items).toEqual([]);
    const byAdmin = await server.api<{ items: ContactDTO[] }>(admin, 'GET', '/api/contacts?q=970000002');
    expect(byAdmin.body.items.map((c) => c.id)).toEqual([contactId]);
  });

  it('making a customer VIP raises their open conversation’s priority, with the rule named', async () => {
    const { contactId, conversationId } = await customer('5511970000003', 'Carla', 'onde está meu pedido?');
    const before = await eventually(async () => {
      const c = await server.app.models.Conversation.findById(conversationId).orFail();
      return c.intent ? c.priority : undefined;
    }, 'the conversation to be triaged');

    const supervisor = await server.userWith('supervisor');
    const socket = await server.connectSocket(supervisor.token);
    const pushed: ConversationEventDTO[] = [];
    socket.on('conversation:changes', (events) => pushed.push(...events));

    await patch(admin, contactId, { tier: 'vip' });
    const order = ['low', 'normal', 'high', 'urgent'];
    const after = await eventually(async () => {
      const c = await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversationId}`);
      return c.body.priority !== before ? c.body.priority : undefined;
    }, 'the priority to rise');
    expect(order.indexOf(after)).toBe(order.indexOf(before) + 1);
    // Every inbox hears of it, so its list re-sorts now rather than at the conversation's next change.
    await eventually(
      async () =>
        pushed.some(
          (e) => e.type === 'conversation:updated' && e.conversationId === conversationId && e.data.priority === after,
        ),
      'the raised priority to be pushed',
    );
    const timeline = await server.api<{ items: TimelineEntryDTO[] }>(
      admin,
      'GET',
      `/api/conversations/${conversationId}/timeline`,
    );
    expect(timeline.body.items.at(-1)?.summary).toContain('VIP customer');
  });
});

describe('merging contacts', () => {
  it('moves conversations, messages, numbers and history to the kept contact, irreversibly', async () => {
    const kept = await customer('5511970000010', 'Diego', 'hola, tengo un problema');
    const other = await customer('5511970000011', 'Diego M', 'hola, soy Diego desde mi otro número');
    await patch(admin, other.contactId, { email: 'diego@example.com', notes: 'Writes from his work phone.' });
    await server.api(admin, 'POST', `/api/conversations/${other.conversationId}/resolve`);

    const merged = await server.api<ContactDTO>(admin, 'POST', `/api/contacts/${kept.contactId}/merge`, {
      sourceId: other.contactId,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: kept.contactId,
      waId: '5511970000010',
      otherWaIds: ['5511970000011'],
      email: 'diego@example.com',
      notes: 'Writes from his work phone.',
    });

    // Its conversations and their messages are the kept contact's now; the old id leads to the kept one.
    const conversations = await server.api<{ items: ConversationDTO[] }>(
      admin,
      'GET',
      `/api/contacts/${kept.contactId}/conversations`,
    );
    expect(conversations.body.items.map((c) => c.id).sort()).toEqual(
      [kept.conversationId, other.conversationId].sort(),
    );
    expect(await server.app.models.Message.countDocuments({ contactId: other.contactId })).toBe(0);
    expect((await server.api<ContactDTO>(admin, 'GET', `/api/contacts/${other.contactId}`)).body.id).toBe(
      kept.contactId,
    );

    // The history says who merged what, and keeps the merged contact's own edits.
    const history = await changesOf(kept.contactId);
    expect(history[0]).toMatchObject({
      kind: 'merged',
      otherContactId: other.contactId,
      actor: { name: 'Administrator' },
    });
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'email', before: null, after: 'diego@example.com' }]),
    );
    expect(history.some((h) => h.kind === 'edited' && h.changes.some((c) => c.after === 'diego@example.com'))).toBe(
      true,
    );

    // A message from the merged number lands in the kept contact's open conversation.
    await server.deliver(
      envelope({ messages: [inbound.text({ from: '5511970000011', name: 'Diego M', body: '¿siguen ahí?' })] }),
    );
    const landed = await server.app.models.Message.findOne({ 'content.body': '¿siguen ahí?' }).orFail();
    expect(landed.conversationId.toHexString()).toBe(kept.conversationId);

    // Asking again (a client that never heard the answer) changes nothing more.
    const again = await server.api<ContactDTO>(admin, 'POST', `/api/contacts/${kept.contactId}/merge`, {
      sourceId: other.contactId,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(kept.contactId);
    expect(await server.app.models.ContactChange.countDocuments({ contactId: kept.contactId, kind: 'merged' })).toBe(1);
    // Merging the merged one into some other contact is refused: it is not a contact of its own any more.
    const third = await customer('5511970000012', 'Someone', 'hi');
    const elsewhere = await server.api<ApiErrorResponse>(admin, 'POST', `/api/contacts/${third.contactId}/merge`, {
      sourceId: other.contactId,
    });
    expect(elsewhere.status).toBe(409);
  });

  it('refuses to merge two open conversations on one number, or a contact into itself', async () => {
    const a = await customer('5511970000020', 'Eva', 'hola');
    const b = await customer('5511970000021', 'Eva R', 'hola');
    const clash = await server.api<ApiErrorResponse>(admin, 'POST', `/api/contacts/${a.contactId}/merge`, {
      sourceId: b.contactId,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.issues?.[0]?.message).toContain(b.conversationId);
    expect(await server.app.models.Contact.findById(b.contactId).orFail()).toMatchObject({ mergedInto: null });

    const self = await server.api<ApiErrorResponse>(admin, 'POST', `/api/contacts/${a.contactId}/merge`, {
      sourceId: a.contactId,
    });
    expect(self.status).toBe(400);
  });

  it('leaves merging to supervisors and admins, even for an agent who sees both contacts', async () => {
    const a = await customer('5511970000030', 'Rui', 'olá');
    const b = await customer('5511970000031', 'Rui S', 'olá de novo');
    await server.api(admin, 'POST', `/api/conversations/${b.conversationId}/resolve`);
    const { channelId } = await server.app.models.Conversation.findById(a.conversationId).orFail();
    const agent = await server.userWith('agent', [channelId.toHexString()]);
    expect((await server.api(agent.token, 'GET', `/api/contacts/${b.contactId}`)).status).toBe(200);

    const refused = await server.api<ApiErrorResponse>(agent.token, 'POST', `/api/contacts/${a.contactId}/merge`, {
      sourceId: b.contactId,
    });
    expect(refused.status).toBe(403);
    expect(await server.app.models.Contact.findById(b.contactId).orFail()).toMatchObject({ mergedInto: null });

    const supervisor = await server.userWith('supervisor');
    const merged = await server.api<ContactDTO>(supervisor.token, 'POST', `/api/contacts/${a.contactId}/merge`, {
      sourceId: b.contactId,
    });
    expect(merged.status).toBe(200);
  });
});
