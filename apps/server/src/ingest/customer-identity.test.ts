import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let token: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  token = await server.login();
});
afterAll(() => server.close());

const conversations = async () =>
  (await server.api<Page<ConversationDTO>>(token, 'GET', '/api/conversations?limit=200')).body.items;
const messagesOf = async (conversationId: string) =>
  (await server.api<Page<MessageDTO>>(token, 'GET', `/api/conversations/${conversationId}/messages?limit=200`)).body
    .items;

/** Seconds apart, so these tests are about identity, not about messages of the same second. */
let clock = Math.floor(Date.now() / 1000) - 600;
const tick = () => ++clock;

/** A message as WhatsApp sends it for a user who adopted a username: phone fields present but empty. */
function fromUsernameUser(o: { id: string; userId: string; name: string; body: string; phone?: string }) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100', phone_number_id: '100000000000001' },
              contacts: [
                { wa_id: o.phone ?? '', user_id: o.userId, profile: { name: o.name, username: `@${o.name}` } },
              ],
              messages: [
                {
                  from: o.phone ?? '',
                  from_user_id: o.userId,
                  id: o.id,
                  timestamp: String(tick()),
                  type: 'text',
                  text: { body: o.body },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

describe("WhatsApp's username users (business-scoped user ids)", () => {
  it('a message whose wa_id and from are empty is stored and shown, its contact keyed by the user id', async () => {
    const intake = await server.deliver(
      fromUsernameUser({ id: 'wamid.username-1', userId: 'AR.1502576394655843', name: 'carla', body: 'hola!' }),
    );
    expect(intake.itemErrors).toEqual([]);
    const conversation = (await conversations()).find((c) => c.contact.userId === 'AR.1502576394655843');
    expect(conversation?.contact).toMatchObject({ waId: null, profileName: 'carla' });
    expect((await messagesOf(conversation!.id)).map((m) => m.content)).toEqual([{ type: 'text', body: 'hola!' }]);
  });

  it("an agent's reply reaches them by their user id, and its delivery comes back to the thread", async () => {
    const userId = 'BR.1502576394655843';
    await server.deliver(fromUsernameUser({ id: 'wamid.username-4', userId, name: 'bia', body: 'oi, e meu pedido?' }));
    const conversation = (await conversations()).find((c) => c.contact.userId === userId)!;
    const res = await server.api(
      token,
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { type: 'text', body: 'Oi Bia! Já vejo isso.' },
      { 'idempotency-key': 'bsuid-reply-0001' },
    );
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    const sent = await eventually(
      async () => server.sim.sentMessages.find((m) => (m.request as { recipient?: string }).recipient === userId),
      'the reply at WhatsApp',
    );
    expect(sent.request).not.toHaveProperty('to');
    expect(sent.request).toMatchObject({ type: 'text', text: { body: 'Oi Bia! Já vejo isso.' } });
    await eventually(async () => {
      const reply = (await messagesOf(conversation.id)).find((m) => m.direction === 'outbound');
      return reply?.status === 'read' ? reply : undefined;
    }, 'the reply read, from status webhooks that name only the user id');
  });

  it('the phone number appearing later is linked to the same contact and conversation', async () => {
    const userId = 'AR.2202576394655843';
    await server.deliver(fromUsernameUser({ id: 'wamid.username-2', userId, name: 'dario', body: 'first' }));
    await server.deliver(
      fromUsernameUser({ id: 'wamid.username-3', userId, name: 'dario', body: 'second', phone: '5491133334444' }),
    );
    // And a later message by phone alone still finds them.
    await server.deliver(
      envelope({ messages: [inbound.text({ timestamp: tick(), from: '5491133334444', body: 'third' })] }),
    );
    const mine = (await conversations()).filter((c) => c.contact.userId === userId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.contact.waId).toBe('5491133334444');
    expect((await messagesOf(mine[0]!.id)).map((m) => m.content.type === 'text' && m.content.body)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });
});

describe('a change of identity stays in the customer’s conversation', () => {
  it('user_changed_user_id: the system line is in the existing thread and the new id routes there', async () => {
    const before = 'AR.9100000000000001';
    const after = 'AR.2232000000000001';
    await server.deliver(
      envelope({
        messages: [inbound.text({ timestamp: tick(), userId: before, name: 'Carlos Ramírez', body: 'hola' })],
      }),
    );
    await server.deliver(
      envelope({
        messages: [
          inbound.userChangedUserId({
            timestamp: tick(),
            previousUserId: before,
            userId: after,
            name: 'Carlos Ramírez',
          }),
        ],
      }),
    );
    await server.deliver(
      envelope({
        messages: [inbound.text({ timestamp: tick(), userId: after, name: 'Carlos Ramírez', body: 'sigo yo' })],
      }),
    );

    const all = await conversations();
    expect(all.filter((c) => c.contact.profileName === 'Unknown customer' || !c.contact.profileName)).toEqual([]);
    const mine = all.filter((c) => c.contact.userId === after || c.contact.userId === before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.contact.userId).toBe(after);
    const thread = await messagesOf(mine[0]!.id);
    expect(thread.map((m) => m.content.type)).toEqual(['text', 'system', 'text']);
    expect(thread[1]!.content).toMatchObject({ kind: 'user_changed_user_id' });
    // The old id is linked too: a late message under it still lands here.
    await server.deliver(envelope({ messages: [inbound.text({ timestamp: tick(), userId: before, body: 'tarde' })] }));
    expect(await messagesOf(mine[0]!.id)).toHaveLength(4);
  });

  it('user_changed_number with new user ids: one conversation, both numbers and ids linked', async () => {
    await server.deliver(
      envelope({
        messages: [
          inbound.text({ timestamp: tick(), from: '5491155550000', userId: 'AR.3300000000000001', body: 'hola' }),
        ],
      }),
    );
    await server.deliver(
      envelope({
        messages: [
          inbound.userChangedNumber({
            timestamp: tick(),
            oldPhone: '5491155550000',
            newPhone: '5491155551111',
            userId: 'AR.3300000000000002',
            previousUserId: 'AR.3300000000000001',
          }),
        ],
      }),
    );
    await server.deliver(
      envelope({
        messages: [
          inbound.text({ timestamp: tick(), userId: 'AR.3300000000000002', body: 'nuevo número, sin teléfono' }),
        ],
      }),
    );
    const mine = (await conversations()).filter((c) =>
      ['5491155550000', '5491155551111'].includes(c.contact.waId ?? ''),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.contact).toMatchObject({ waId: '5491155551111', userId: 'AR.3300000000000002' });
    expect((await messagesOf(mine[0]!.id)).map((m) => m.content.type)).toEqual(['text', 'system', 'text']);
  });
});
