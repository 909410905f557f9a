import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradientPng } from './gradient-png.js';
import { PHONE_NUMBER_ID, startHarness, TOKEN, type Harness } from './test-support/simulator-harness.js';

let h: Harness;
let uploadUrl: string;
beforeAll(async () => {
  h = await startHarness();
  uploadUrl = `${h.sim.baseUrl}/v21.0/${PHONE_NUMBER_ID}/media`;
});
afterAll(async () => {
  await h.stop();
});

type Fields = { messaging_product?: string; type?: string; file?: { bytes: Uint8Array; name: string; type: string } };

function upload(fields: Fields, token = TOKEN) {
  const form = new FormData();
  if (fields.messaging_product) form.set('messaging_product', fields.messaging_product);
  if (fields.type) form.set('type', fields.type);
  if (fields.file)
    form.set('file', new Blob([Buffer.from(fields.file.bytes)], { type: fields.file.type }), fields.file.name);
  return fetch(uploadUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

const png = () => ({
  bytes: gradientPng(8, 8, [10, 120, 200], [240, 240, 250]),
  name: 'receipt.png',
  type: 'image/png',
});
const detailsOf = async (res: Response) =>
  ((await res.json()) as { error: { code: number; error_data: { details: string } } }).error;

const media = (type: string, id: string, extra: object = {}) => ({
  messaging_product: 'whatsapp',
  to: '5511987654321',
  type,
  [type]: { id, ...extra },
});

describe('POST /:version/:phoneNumberId/media (multipart)', () => {
  it('answers a media id that the metadata endpoint and downloads then serve', async () => {
    const file = png();
    const res = await upload({ messaging_product: 'whatsapp', type: 'image/png', file });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);
    expect(h.sim.uploads.at(-1)).toMatchObject({ id, mimeType: 'image/png', filename: 'receipt.png' });

    const info = (await (
      await fetch(`${h.sim.baseUrl}/v21.0/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { url: string; file_size: number };
    expect(info.file_size).toBe(file.bytes.length);
    const bytes = await (await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } })).arrayBuffer();
    expect(Buffer.from(bytes).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it.each([
    ['no messaging_product', { type: 'image/png', file: png() }, 100, /messaging_product is required/],
    ['no file', { messaging_product: 'whatsapp', type: 'image/png' }, 100, /file is required/],
    ['no type', { messaging_product: 'whatsapp', file: png() }, 100, /type is required/],
    [
      'a type WhatsApp does not take',
      { messaging_product: 'whatsapp', type: 'image/gif', file: { ...png(), type: 'image/gif' } },
      131053,
      /Received file of type 'image\/gif'/,
    ],
    [
      'an image over 5 MB',
      {
        messaging_product: 'whatsapp',
        type: 'image/jpeg',
        file: { bytes: new Uint8Array(5 * 1024 * 1024 + 1), name: 'big.jpg', type: 'image/jpeg' },
      },
      131053,
      /at most 5242880 bytes/,
    ],
  ] as const)('refuses %s with a Graph error', async (_label, fields, code, details) => {
    const res = await upload(fields as Fields);
    expect(res.status).toBe(400);
    const error = await detailsOf(res);
    expect(error.code).toBe(code);
    expect(error.error_data.details).toMatch(details);
  });

  it('refuses an upload without the bearer token', async () => {
    expect((await upload({ messaging_product: 'whatsapp', type: 'image/png', file: png() }, 'wrong')).status).toBe(401);
  });
});

describe('sending uploaded media by id', () => {
  it('accepts an uploaded image sent as an image, and records the request shape', async () => {
    const { id } = (await (await upload({ messaging_product: 'whatsapp', type: 'image/png', file: png() })).json()) as {
      id: string;
    };
    const res = await h.send(media('image', id, { caption: 'Your receipt' }));
    expect(res.status).toBe(200);
    expect(h.sim.sentMessages.at(-1)?.request).toMatchObject({ type: 'image', image: { id, caption: 'Your receipt' } });
  });

  it('refuses an id nobody uploaded, and a file sent as the wrong kind, with 131053', async () => {
    const unknown = await h.send(media('document', '999999999'));
    expect(unknown.status).toBe(400);
    expect((await detailsOf(unknown)).code).toBe(131053);

    const { id } = (await (await upload({ messaging_product: 'whatsapp', type: 'image/png', file: png() })).json()) as {
      id: string;
    };
    const wrongKind = await h.send(media('video', id));
    expect(wrongKind.status).toBe(400);
    expect((await detailsOf(wrongKind)).error_data.details).toMatch(/image\/png cannot be sent as video/);
  });
});

describe('interactive limits', () => {
  const list = (sections: unknown[]) => ({
    messaging_product: 'whatsapp',
    to: '5511987654321',
    type: 'interactive',
    interactive: { type: 'list', body: { text: 'Pick one' }, action: { button: 'Options', sections } },
  });
  const rows = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}`, title: `Row ${i}` }));

  it('takes ten rows across titled sections, and refuses eleven', async () => {
    expect(
      (
        await h.send(
          list([
            { title: 'A', rows: rows(5, 'a') },
            { title: 'B', rows: rows(5, 'b') },
          ]),
        )
      ).status,
    ).toBe(200);
    const eleven = await h.send(
      list([
        { title: 'A', rows: rows(6, 'a') },
        { title: 'B', rows: rows(5, 'b') },
      ]),
    );
    expect(eleven.status).toBe(400);
    expect((await detailsOf(eleven)).error_data.details).toMatch(/at most 10 rows/);
  });

  it('refuses untitled sections among several, repeated row ids and repeated button titles', async () => {
    const untitled = await h.send(list([{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }]));
    expect((await detailsOf(untitled)).error_data.details).toMatch(/every section needs a title/);
    const repeated = await h.send(list([{ rows: [...rows(1, 'a'), ...rows(1, 'a')] }]));
    expect((await detailsOf(repeated)).error_data.details).toMatch(/row ids must be unique/);
    const buttons = await h.send({
      messaging_product: 'whatsapp',
      to: '5511987654321',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Which one?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'a', title: 'Same' } },
            { type: 'reply', reply: { id: 'b', title: 'Same' } },
          ],
        },
      },
    });
    expect(buttons.status).toBe(400);
    expect((await detailsOf(buttons)).error_data.details).toMatch(/button titles must be unique/);
  });
});
