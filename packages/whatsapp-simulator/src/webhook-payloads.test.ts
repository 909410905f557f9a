import { describe, expect, it } from 'vitest';
import { batch, envelope, MAX_UPDATES_PER_WEBHOOK } from './envelope.js';
import { ctwaReferral, inbound } from './inbound.js';
import { verifyWebhookSignature } from './signature.js';
import { signedWebhook } from './webhook-client.js';

const from = '+55 11 98765-4321';

describe('inbound builders', () => {
  it('build a text message with Meta field names and a wamid and unix-seconds timestamp', () => {
    const message = inbound.text({ from, body: 'Oi, cadê meu pedido?', timestamp: new Date('2026-01-02T03:04:05Z') });
    expect(message).toMatchObject({ from: '5511987654321', type: 'text', text: { body: 'Oi, cadê meu pedido?' } });
    expect(message.id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    expect(message.timestamp).toBe('1767323045');
  });

  it('build every media type with mime_type, sha256 and id, plus the type-specific fields', () => {
    expect(inbound.image({ from, caption: 'asi llegó' }).image).toMatchObject({
      caption: 'asi llegó',
      mime_type: 'image/jpeg',
    });
    expect(inbound.audio({ from }).audio).toMatchObject({ voice: true, mime_type: 'audio/ogg; codecs=opus' });
    expect(inbound.audio({ from, voice: false }).audio.voice).toBe(false);
    expect(inbound.video({ from }).video.mime_type).toBe('video/mp4');
    expect(inbound.document({ from, filename: 'receipt.pdf' }).document).toMatchObject({
      filename: 'receipt.pdf',
      mime_type: 'application/pdf',
    });
    expect(inbound.sticker({ from, animated: true }).sticker).toMatchObject({
      animated: true,
      mime_type: 'image/webp',
    });
    const media = inbound.image({ from, mediaId: '1234567890123456', bytes: Buffer.from('jpeg') }).image;
    expect(media.id).toBe('1234567890123456');
    expect(media.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('build location and vCard-like contacts messages', () => {
    const location = inbound.location({
      from,
      name: 'Mariana Costa',
      latitude: -23.56,
      longitude: -46.65,
      placeName: 'Loja Paulista',
      address: 'Av. Paulista, 1578',
      url: 'https://example.com',
    });
    expect(location.location).toEqual({
      latitude: -23.56,
      longitude: -46.65,
      name: 'Loja Paulista',
      address: 'Av. Paulista, 1578',
      url: 'https://example.com',
    });
    // The customer who shared the place is still who the webhook says wrote it (the simulator once sent the place's name).
    expect(envelope({ messages: [location] }).entry[0]!.changes[0]!.value.contacts).toEqual([
      expect.objectContaining({ profile: { name: 'Mariana Costa' } }),
    ]);
    const card = {
      name: { formatted_name: 'Marta Ruiz', first_name: 'Marta' },
      phones: [{ phone: '+34 600 111 222', wa_id: '34600111222', type: 'CELL' }],
      emails: [{ email: 'marta@example.es', type: 'WORK' }],
      org: { company: 'Ruiz SL', title: 'Compras' },
      urls: [{ url: 'https://ruiz.example.es', type: 'WORK' }],
      addresses: [{ city: 'Madrid', country_code: 'ES', type: 'WORK' }],
    };
    expect(inbound.contacts({ from, cards: [card] }).contacts).toEqual([card]);
  });

  it('build interactive replies, template buttons and orders', () => {
    const context = { from: '15550100', id: 'wamid.business' };
    expect(inbound.buttonReply({ from, buttonId: 'yes', title: 'Sí', context })).toMatchObject({
      type: 'interactive',
      context,
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Sí' } },
    });
    expect(
      inbound.listReply({ from, rowId: 'r1', title: 'Returns', description: 'Return an item' }).interactive,
    ).toEqual({
      type: 'list_reply',
      list_reply: { id: 'r1', title: 'Returns', description: 'Return an item' },
    });
    expect(inbound.templateButton({ from, text: 'Confirm', payload: 'CONFIRM' })).toMatchObject({
      type: 'button',
      button: { text: 'Confirm', payload: 'CONFIRM' },
    });
    const items = [{ product_retailer_id: 'SKU-1', quantity: 2, item_price: 19.9, currency: 'USD' }];
    expect(inbound.order({ from, catalogId: 'cat-1', items, text: 'rápido pf' }).order).toEqual({
      catalog_id: 'cat-1',
      text: 'rápido pf',
      product_items: items,
    });
  });

  it('build a reaction, and its removal without the emoji field', () => {
    expect(inbound.reaction({ from, messageId: 'wamid.x', emoji: '👍' }).reaction).toEqual({
      message_id: 'wamid.x',
      emoji: '👍',
    });
    const removed = inbound.reactionRemoved({ from, messageId: 'wamid.x' });
    expect(removed.reaction).toEqual({ message_id: 'wamid.x' });
    expect('emoji' in removed.reaction).toBe(false);
  });

  it('build system number changes and unsupported messages with their errors', () => {
    const changed = inbound.userChangedNumber({ oldPhone: '5511987654321', newPhone: '5511912345678', name: 'Ana' });
    expect(changed).toMatchObject({
      from: '5511987654321',
      type: 'system',
      system: {
        type: 'user_changed_number',
        wa_id: '5511912345678',
        body: 'User Ana changed from 5511987654321 to 5511912345678',
      },
    });
    expect(inbound.userChangedUserId({ previousUserId: 'US.1', userId: 'US.2' }).system).toMatchObject({
      type: 'user_changed_user_id',
      user_id: 'US.2',
      previous_user_id: 'US.1',
    });
    const unsupported = inbound.unsupported({ from, originalType: 'poll' });
    expect(unsupported.unsupported).toEqual({ type: 'poll' });
    expect(unsupported.errors[0]).toMatchObject({
      code: 131051,
      error_data: { details: 'Message type is currently not supported.' },
    });
  });

  it('carry reply context, forwarding flags, referred products and ad referrals', () => {
    const reply = inbound.text({
      from,
      body: 'this one',
      context: { forwarded: true, referred_product: { catalog_id: 'c', product_retailer_id: 'p' } },
    });
    expect(reply.context).toEqual({ forwarded: true, referred_product: { catalog_id: 'c', product_retailer_id: 'p' } });
    const ad = inbound.text({ from, body: 'hi', referral: ctwaReferral({ headline: 'Sale' }) });
    expect(ad.referral).toMatchObject({ source_type: 'ad', media_type: 'image', headline: 'Sale' });
    expect(Object.keys(ad.referral ?? {})).toEqual(
      expect.arrayContaining(['source_url', 'source_id', 'body', 'image_url', 'ctwa_clid']),
    );
  });

  it('refuse a message with neither a phone nor a business-scoped id', () => {
    expect(() => inbound.text({ body: 'hi' })).toThrow(/from.*userId/);
  });
});

describe('envelope', () => {
  it('wraps messages the way Meta posts them and derives contacts from the senders', () => {
    const a = inbound.text({ from, name: 'Ana Souza', body: 'oi' });
    const b = inbound.image({ from, name: 'Ana Souza' });
    const payload = envelope({
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '+1 555 078 3881',
      messages: [a, b],
    });
    expect(payload).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: expect.any(String),
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'Ana Souza' }, wa_id: '5511987654321' }],
                messages: [a, b],
              },
            },
          ],
        },
      ],
    });
  });

  it('describes a username-only user by business-scoped id, without wa_id or from', () => {
    const message = inbound.text({ userId: 'US.13491208655302741918', username: '@ana', name: 'Ana', body: 'hello' });
    const value = envelope({ messages: [message] }).entry[0]?.changes[0]?.value;
    expect(value?.contacts).toEqual([
      { profile: { name: 'Ana', username: '@ana' }, user_id: 'US.13491208655302741918' },
    ]);
    expect(value?.messages?.[0]).toMatchObject({ from_user_id: 'US.13491208655302741918' });
    expect(value?.messages?.[0]).not.toHaveProperty('from');
  });

  it('omits contacts for system messages, as Meta does', () => {
    const value = envelope({ messages: [inbound.userChangedNumber({ oldPhone: '1555', newPhone: '1666' })] }).entry[0]
      ?.changes[0]?.value;
    expect(value).not.toHaveProperty('contacts');
  });

  it('batches envelopes into one POST and refuses more than 1000 updates', () => {
    const one = () => envelope({ messages: [inbound.text({ from, body: 'x' })] });
    expect(batch([one(), one(), one()]).entry).toHaveLength(3);
    const many = Array.from({ length: MAX_UPDATES_PER_WEBHOOK + 1 }, () => inbound.text({ from, body: 'x' }));
    expect(() => envelope({ messages: many })).toThrow(RangeError);
  });

  it('serialises and signs so the header verifies against the exact body', () => {
    const signed = signedWebhook(envelope({ messages: [inbound.text({ from, body: 'x' })] }), 'app-secret');
    expect(signed.headers['content-type']).toBe('application/json');
    expect(verifyWebhookSignature(signed.body, 'app-secret', signed.headers['x-hub-signature-256'])).toBe(true);
  });
});
