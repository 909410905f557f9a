import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startHarness, TOKEN, type Harness } from './test-support/simulator-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const bearer = { authorization: `Bearer ${TOKEN}` };
const bytes = Buffer.from('%PDF-1.4 fake invoice bytes');

describe('Graph API media flow', () => {
  it('serves metadata with a URL on the simulator, then the bytes behind the same bearer token', async () => {
    const id = h.sim.registerMedia({ mimeType: 'application/pdf', bytes });
    const meta = await fetch(`${h.sim.baseUrl}/v21.0/${id}`, { headers: bearer });
    expect(meta.status).toBe(200);
    const body = (await meta.json()) as { url: string };
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(new RegExp(`^${h.sim.baseUrl}/whatsapp_business/attachments/\\?mid=${id}`)),
      mime_type: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      file_size: bytes.length,
      id,
    });

    const download = await fetch(body.url, { headers: bearer });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    expect((await fetch(body.url)).status).toBe(401);
    expect((await fetch(`${h.sim.baseUrl}/v21.0/${id}`)).status).toBe(401);
  });

  it('keeps a caller-chosen media id', async () => {
    const id = h.sim.registerMedia({
      id: '1037543291543636',
      mimeType: 'image/jpeg',
      bytes: Buffer.from([0xff, 0xd8]),
    });
    expect(id).toBe('1037543291543636');
    const body = (await (await fetch(`${h.sim.baseUrl}/v21.0/${id}`, { headers: bearer })).json()) as {
      file_size: number;
    };
    expect(body.file_size).toBe(2);
  });

  it("answers an unknown media id with Graph's object-does-not-exist error", async () => {
    const response = await fetch(`${h.sim.baseUrl}/v21.0/999999`, { headers: bearer });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
