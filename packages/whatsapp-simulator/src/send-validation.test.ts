import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, textTo, type Harness } from './test-support/simulator-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

interface GraphError {
  error: {
    message: string;
    type: string;
    code: number;
    error_data?: { messaging_product: string; details: string };
    fbtrace_id: string;
  };
}

describe('send endpoint authentication', () => {
  it.each([
    ['a wrong token', 'nope'],
    ['no token', ''],
  ])('answers %s with OAuthException 190 and HTTP 401', async (_label, token) => {
    const response = await fetch(h.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(textTo('14155550123')),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphError;
    expect(body.error).toMatchObject({ type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) });
  });
});

describe('send endpoint validation', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a missing messaging_product', { to: '14155550123', type: 'text', text: { body: 'x' } }, /messaging_product/],
    [
      'an unknown type',
      { messaging_product: 'whatsapp', to: '14155550123', type: 'poll' },
      /Param type must be one of/,
    ],
    [
      'a text without body',
      { messaging_product: 'whatsapp', to: '14155550123', type: 'text', text: {} },
      /text\['body'\] is required/,
    ],
    ['no recipient', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, /parameter to is required/],
    [
      'a template without language code',
      {
        messaging_product: 'whatsapp',
        to: '14155550123',
        type: 'template',
        template: { name: 'hello_world', language: {} },
      },
      /template\['language'\]\['code'\]/,
    ],
    [
      'an image with both id and link',
      {
        messaging_product: 'whatsapp',
        to: '14155550123',
        type: 'image',
        image: { id: '1', link: 'https://x.example/a.jpg' },
      },
      /exactly one of id or link/,
    ],
    [
      'four reply buttons',
      {
        messaging_product: 'whatsapp',
        to: '14155550123',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `b${n}`, title: `B${n}` } })) },
        },
      },
      /interactive\['action'\]\['buttons'\]/,
    ],
    ['a context without message_id', { ...textTo('14155550123'), context: {} }, /context\['message_id'\]/],
    ['a body that is not JSON', '{"messaging_product":', /not valid JSON/],
  ];

  it.each(cases)("rejects %s with Meta's 400 code 100 and names the field", async (_label, body, details) => {
    const before = h.sim.sentMessages.length;
    const response = await h.send(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as GraphError;
    expect(error).toMatchObject({ message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 });
    expect(error.error_data?.messaging_product).toBe('whatsapp');
    expect(error.error_data?.details).toMatch(details);
    expect(h.sim.sentMessages).toHaveLength(before);
  });

  it('accepts every supported message type', async () => {
    const to = '14155550123';
    // Media sent by id must have been uploaded, as the type its message carries.
    const uploaded = (id: string, mimeType: string) => h.sim.registerMedia({ id, mimeType, bytes: 'file bytes' });
    const bodies = [
      { type: 'image', image: { id: uploaded('1037543291543636', 'image/jpeg'), caption: 'your receipt' } },
      { type: 'audio', audio: { link: 'https://example.com/a.ogg' } },
      { type: 'video', video: { id: uploaded('1', 'video/mp4') } },
      { type: 'document', document: { id: uploaded('2', 'application/pdf'), filename: 'invoice.pdf' } },
      { type: 'sticker', sticker: { id: uploaded('3', 'image/webp') } },
      { type: 'location', location: { latitude: -23.56, longitude: -46.65, name: 'Store' } },
      { type: 'contacts', contacts: [{ name: { formatted_name: 'Support' }, phones: [{ phone: '+1 555 0100' }] }] },
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Topics' },
          action: { button: 'Choose', sections: [{ title: 'Help', rows: [{ id: 'r1', title: 'Returns' }] }] },
        },
      },
      { type: 'text', text: { body: 'quoted' }, context: { message_id: 'wamid.in' } },
    ];
    for (const body of bodies) {
      const response = await h.send({ messaging_product: 'whatsapp', to, ...body });
      expect(response.status, body.type).toBe(200);
    }
  });
});
