import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctwaReferral, envelope, inbound, replyContext } from '@switchboard/whatsapp-simulator';
import type { MessageDTO, Page, ConversationDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login();
});
afterAll(() => server.close());

const CUSTOMER = '5215512345678';

/** Delivers one message as Meta would and returns what the inbox stored for it, read back over REST. */
async function storeAndRead(message: { id: string }): Promise<MessageDTO> {
  const intake = await server.deliver(envelope({ messages: [message as never] }));
  expect(intake.itemErrors).toEqual([]);
  const list = await server.api<Page<ConversationDTO>>(token, 'GET', '/api/conversations?limit=200');
  for (const conversation of list.body.items) {
    const messages = await server.api<Page<MessageDTO>>(
      token,
      'GET',
      `/api/conversations/${conversation.id}/messages?limit=200`,
    );
    const found = messages.body.items.find((m) => m.providerMessageId === message.id);
    if (found) return found;
  }
  throw new Error(`message ${message.id} not found`);
}

const from = { from: CUSTOMER, name: 'Lucía Fernández' };

describe('every inbound message type is stored as what it is', () => {
  it('text', async () => {
    const m = await storeAndRead(inbound.text({ ...from, body: '¿Dónde está mi pedido #4411? 📦' }));
    expect(m).toMatchObject({
      direction: 'inbound',
      status: 'received',
      content: { type: 'text', body: '¿Dónde está mi pedido #4411? 📦' },
    });
  });

  it('image with caption, media id, mime type and hash', async () => {
    const msg = inbound.image({
      ...from,
      caption: 'La caja llegó rota',
      mediaId: '1503629450466710',
      mimeType: 'image/jpeg',
    });
    const m = await storeAndRead(msg);
    expect(m.content).toEqual({
      type: 'image',
      mediaId: '1503629450466710',
      mimeType: 'image/jpeg',
      sha256: msg.image.sha256,
      caption: 'La caja llegó rota',
      filename: null,
    });
  });

  it('voice note and audio file', async () => {
    expect((await storeAndRead(inbound.audio({ ...from, voice: true }))).content).toMatchObject({
      type: 'audio',
      voice: true,
      mimeType: 'audio/ogg; codecs=opus',
    });
    expect((await storeAndRead(inbound.audio({ ...from, voice: false }))).content).toMatchObject({
      type: 'audio',
      voice: false,
      mimeType: 'audio/mpeg',
    });
  });

  it('video, document with filename, sticker', async () => {
    expect((await storeAndRead(inbound.video({ ...from, caption: 'unboxing' }))).content).toMatchObject({
      type: 'video',
      caption: 'unboxing',
    });
    expect(
      (await storeAndRead(inbound.document({ ...from, filename: 'factura-0098.pdf', caption: 'mi factura' }))).content,
    ).toMatchObject({
      type: 'document',
      filename: 'factura-0098.pdf',
      caption: 'mi factura',
      mimeType: 'application/pdf',
    });
    expect((await storeAndRead(inbound.sticker({ ...from, animated: true }))).content).toMatchObject({
      type: 'sticker',
      animated: true,
      mimeType: 'image/webp',
    });
  });

  it('location', async () => {
    const m = await storeAndRead(
      inbound.location({
        ...from,
        latitude: 19.4326,
        longitude: -99.1332,
        placeName: 'Oficina',
        address: 'Av. Reforma 222, CDMX',
      }),
    );
    expect(m.content).toEqual({
      type: 'location',
      latitude: 19.4326,
      longitude: -99.1332,
      name: 'Oficina',
      address: 'Av. Reforma 222, CDMX',
      url: null,
    });
  });

  it('shared contacts', async () => {
    const m = await storeAndRead(
      inbound.contacts({
        ...from,
        cards: [
          {
            name: { formatted_name: 'Carlos Ruiz', first_name: 'Carlos' },
            phones: [{ phone: '+52 55 1111 2222', wa_id: '525511112222', type: 'CELL' }],
            emails: [{ email: 'carlos@example.com', type: 'WORK' }],
            org: { company: 'Ruiz SA' },
            urls: [{ url: 'https://ruiz.example.com', type: 'WORK' }],
          },
        ],
      }),
    );
    expect(m.content).toEqual({
      type: 'contacts',
      contacts: [
        {
          formattedName: 'Carlos Ruiz',
          phones: [{ phone: '+52 55 1111 2222', waId: '525511112222', type: 'CELL' }],
          emails: [{ email: 'carlos@example.com', type: 'WORK' }],
          organization: 'Ruiz SA',
          urls: ['https://ruiz.example.com'],
        },
      ],
    });
  });

  it('interactive button and list replies, and a template quick-reply button', async () => {
    expect(
      (await storeAndRead(inbound.buttonReply({ ...from, buttonId: 'track', title: 'Rastrear pedido' }))).content,
    ).toEqual({
      type: 'interactive',
      kind: 'button_reply',
      replyId: 'track',
      title: 'Rastrear pedido',
      description: null,
    });
    expect(
      (
        await storeAndRead(
          inbound.listReply({ ...from, rowId: 'refund', title: 'Reembolso', description: 'Pedir mi dinero' }),
        )
      ).content,
    ).toEqual({
      type: 'interactive',
      kind: 'list_reply',
      replyId: 'refund',
      title: 'Reembolso',
      description: 'Pedir mi dinero',
    });
    expect(
      (await storeAndRead(inbound.templateButton({ ...from, text: 'Sí, confirmar', payload: 'CONFIRM_DELIVERY' })))
        .content,
    ).toEqual({
      type: 'button',
      text: 'Sí, confirmar',
      payload: 'CONFIRM_DELIVERY',
    });
  });

  it('a reaction and its removal, pointing at the message reacted to', async () => {
    const target = await storeAndRead(inbound.text({ ...from, body: 'gracias' }));
    expect(
      (await storeAndRead(inbound.reaction({ ...from, messageId: target.providerMessageId!, emoji: '👍' }))).content,
    ).toEqual({
      type: 'reaction',
      targetProviderMessageId: target.providerMessageId,
      emoji: '👍',
      removed: false,
    });
    expect(
      (await storeAndRead(inbound.reactionRemoved({ ...from, messageId: target.providerMessageId! }))).content,
    ).toEqual({
      type: 'reaction',
      targetProviderMessageId: target.providerMessageId,
      emoji: null,
      removed: true,
    });
  });

  it('an order from the catalog', async () => {
    const m = await storeAndRead(
      inbound.order({
        ...from,
        catalogId: '914253390089125',
        text: 'para el viernes',
        items: [{ product_retailer_id: 'SKU-881', quantity: 2, item_price: 199.9, currency: 'MXN' }],
      }),
    );
    expect(m.content).toEqual({
      type: 'order',
      catalogId: '914253390089125',
      text: 'para el viernes',
      items: [{ productRetailerId: 'SKU-881', quantity: 2, itemPrice: 199.9, currency: 'MXN' }],
    });
  });

  it('a system message about a changed number moves the contact to the new number', async () => {
    const m = await storeAndRead(
      inbound.userChangedNumber({ oldPhone: '5215599990000', newPhone: '5215599991111', name: 'Pedro' }),
    );
    expect(m.content).toMatchObject({ type: 'system', kind: 'user_changed_number', newWaId: '5215599991111' });
    const contact = await server.app.models.Contact.findById(m.contactId);
    expect(contact?.waId).toBe('5215599991111');
  });

  it('an unsupported message with its errors', async () => {
    const m = await storeAndRead(inbound.unsupported({ ...from, originalType: 'poll' }));
    expect(m.content).toMatchObject({ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] });
  });

  it('reply context and ad referral', async () => {
    const first = await storeAndRead(inbound.text({ ...from, body: 'hola' }));
    const referral = ctwaReferral({ headline: 'Envío gratis' });
    const m = await storeAndRead(
      inbound.text({
        ...from,
        body: 'sobre este',
        context: replyContext(first.providerMessageId!, CUSTOMER),
        referral,
      }),
    );
    expect(m.context).toEqual({
      replyToProviderMessageId: first.providerMessageId,
      replyToFrom: CUSTOMER,
      forwarded: false,
      frequentlyForwarded: false,
      referredProduct: null,
    });
    expect(m.referral).toMatchObject({
      headline: 'Envío gratis',
      sourceType: 'ad',
      sourceUrl: referral.source_url,
      clickId: referral.ctwa_clid,
    });
  });

  it('a username-only customer known by business-scoped user id', async () => {
    const m = await storeAndRead(
      inbound.text({ userId: 'MX.1349120865530274191', name: 'ana.sin.numero', body: 'hola' }),
    );
    const contact = await server.app.models.Contact.findById(m.contactId);
    expect(contact).toMatchObject({ waId: null, userId: 'MX.1349120865530274191', profileName: 'ana.sin.numero' });
  });

  it('keeps the customer profile name on the contact', async () => {
    const m = await storeAndRead(inbound.text({ from: '5491144445555', name: 'Martina Gómez', body: 'buenas' }));
    const conversation = await server.api<ConversationDTO>(token, 'GET', `/api/conversations/${m.conversationId}`);
    expect(conversation.body.contact).toMatchObject({ waId: '5491144445555', profileName: 'Martina Gómez' });
    expect(conversation.body.lastMessagePreview).toBe('buenas');
  });
});
