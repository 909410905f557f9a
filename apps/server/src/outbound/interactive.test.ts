import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound, replyContext } from '@switchboard/whatsapp-simulator';
import type { ApiErrorResponse, MessageDTO, Page } from '@switchboard/shared';
import { actionKit } from '@switchboard/test-support/action-kit';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
let kit: ReturnType<typeof actionKit>;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  kit = actionKit(server);
});
afterAll(() => server.close());

async function sendKeyed(conversationId: string, key: string, body: unknown) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as MessageDTO & ApiErrorResponse };
}

const sentFor = (messageId: string) =>
  server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

const messagesOf = async (conversationId: string) =>
  (await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversationId}/messages?limit=200`)).body
    .items;

describe('interactive replies', () => {
  it("sends reply buttons in the Cloud API's shape, and the customer's tap comes back quoting them", async () => {
    const conversationId = await kit.customer('5215520000001', 'quiero devolver mi pedido');
    const sent = await sendKeyed(conversationId, 'buttons-0001', {
      type: 'interactive',
      interactive: {
        kind: 'buttons',
        header: 'Devolución',
        body: '¿Cómo prefieres el reembolso?',
        footer: 'Responde con un botón',
        buttons: [
          { id: 'refund-card', title: 'A mi tarjeta' },
          { id: 'refund-credit', title: 'Saldo en tienda' },
        ],
      },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.content).toMatchObject({ type: 'buttons', body: '¿Cómo prefieres el reembolso?' });
    await eventually(async () => sentFor(sent.body.id).length === 1, 'the buttons to reach WhatsApp');
    expect(sentFor(sent.body.id)[0]!.request).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Devolución' },
        body: { text: '¿Cómo prefieres el reembolso?' },
        footer: { text: 'Responde con un botón' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'refund-card', title: 'A mi tarjeta' } },
            { type: 'reply', reply: { id: 'refund-credit', title: 'Saldo en tienda' } },
          ],
        },
      },
    });

    const wamid = await eventually(
      async () => (await messagesOf(conversationId)).find((m) => m.id === sent.body.id)?.providerMessageId,
      'the buttons to be accepted',
    );
    await server.deliver(
      envelope({
        messages: [
          inbound.buttonReply({
            from: '5215520000001',
            buttonId: 'refund-credit',
            title: 'Saldo en tienda',
            context: replyContext(wamid, '15550001111'),
          }),
        ],
      }),
    );
    const reply = (await messagesOf(conversationId)).find((m) => m.content.type === 'interactive')!;
    expect(reply.content).toMatchObject({ type: 'interactive', kind: 'button_reply', replyId: 'refund-credit' });
    expect(reply.context?.replyToProviderMessageId).toBe(wamid);
  });

  it('sends a list message with its sections and rows', async () => {
    const conversationId = await kit.customer('5215520000002', 'cuando llega?');
    const sent = await sendKeyed(conversationId, 'list-0001', {
      type: 'interactive',
      interactive: {
        kind: 'list',
        body: 'Elige un horario de entrega',
        button: 'Ver horarios',
        sections: [
          { title: 'Lunes', rows: [{ id: 'mon-am', title: 'Mañana', description: '9:00 a 13:00' }] },
          { title: 'Martes', rows: [{ id: 'tue-pm', title: 'Tarde' }] },
        ],
      },
    });
    expect(sent.status).toBe(201);
    await eventually(async () => sentFor(sent.body.id).length === 1, 'the list to reach WhatsApp');
    expect(sentFor(sent.body.id)[0]!.request).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Elige un horario de entrega' },
        action: {
          button: 'Ver horarios',
          sections: [
            { title: 'Lunes', rows: [{ id: 'mon-am', title: 'Mañana', description: '9:00 a 13:00' }] },
            { title: 'Martes', rows: [{ id: 'tue-pm', title: 'Tarde' }] },
          ],
        },
      },
    });
  });

  it('refuses a fourth button naming the field, and stores nothing', async () => {
    const conversationId = await kit.customer('5215520000003');
    const refused = await sendKeyed(conversationId, 'four-buttons-1', {
      type: 'interactive',
      interactive: {
        kind: 'buttons',
        body: 'x',
        buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
      },
    });
    expect(refused.status).toBe(400);
    expect(kit.issuesOf(refused.body)).toEqual([
      { path: 'body.interactive.buttons', message: 'WhatsApp allows at most 3 reply buttons' },
    ]);
    expect((await messagesOf(conversationId)).filter((m) => m.direction === 'outbound')).toEqual([]);
  });

  it('refuses buttons once the 24-hour window has closed', async () => {
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await server.deliver(
      envelope({ messages: [inbound.text({ from: '5215520000004', body: 'hola', timestamp: yesterday })] }),
    );
    const contact = await server.app.models.Contact.findOne({ waId: '5215520000004' }).orFail();
    const conversation = await server.app.models.Conversation.findOne({ contactId: contact._id }).orFail();
    const refused = await sendKeyed(conversation.id, 'late-buttons-1', {
      type: 'interactive',
      interactive: { kind: 'buttons', body: '¿Seguimos?', buttons: [{ id: 'yes', title: 'Sí' }] },
    });
    expect(refused.status).toBe(422);
    expect((refused.body as unknown as ApiErrorResponse).error.code).toBe('WINDOW_CLOSED');
  });
});
