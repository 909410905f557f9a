import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ChannelDTO, MessageDTO, Page, ConversationDTO } from '@switchboard/shared';
import { startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
});
afterAll(() => server.close());

describe('inbound media', () => {
  it('is fetched through the Graph API and served to users who may see the conversation, and to no one else', async () => {
    const bytes = randomBytes(4096);
    const mediaId = server.sim.registerMedia({ mimeType: 'application/pdf', bytes });
    const channel = (
      await server.api<ChannelDTO>(admin, 'POST', '/api/channels', {
        phoneNumberId: '100000000000031',
        name: 'Billing',
      })
    ).body;
    await server.deliver(
      envelope({
        phoneNumberId: '100000000000031',
        messages: [inbound.document({ from: '5511955550001', filename: 'boleto.pdf', mediaId, bytes })],
      }),
    );
    const conversation = (await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations')).body.items.find(
      (c) => c.contact.waId === '5511955550001',
    )!;
    const [message] = (
      await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversation.id}/messages`)
    ).body.items;

    const member = await server.userWith('agent', [channel.id]);
    const res = await fetch(`${server.url}/api/messages/${message!.id}/media`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('boleto.pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    const outsider = await server.userWith('agent');
    expect(
      (
        await fetch(`${server.url}/api/messages/${message!.id}/media`, {
          headers: { authorization: `Bearer ${outsider.token}` },
        })
      ).status,
    ).toBe(404);
  });

  it('a text message has no media, and media WhatsApp no longer has is a clear 404', async () => {
    await server.deliver(
      envelope({
        messages: [
          inbound.text({ from: '5511955550002', body: 'oi' }),
          inbound.image({ from: '5511955550002', mediaId: '999999999' }),
        ],
      }),
    );
    const conversation = (await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations')).body.items.find(
      (c) => c.contact.waId === '5511955550002',
    )!;
    const items = (await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversation.id}/messages`))
      .body.items;
    const text = items.find((m) => m.content.type === 'text');
    const image = items.find((m) => m.content.type === 'image');
    const none = await server.api<{ error: { message: string } }>(admin, 'GET', `/api/messages/${text!.id}/media`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('this message has no media');
    const gone = await server.api<{ error: { message: string } }>(admin, 'GET', `/api/messages/${image!.id}/media`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/no longer has this media/);
  });
});
