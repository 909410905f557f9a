import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envelope } from './envelope.js';
import { inbound } from './inbound.js';
import { verifyWebhookSignature } from './signature.js';
import { APP_SECRET, PHONE_NUMBER_ID, startHarness, textTo, type Harness } from './test-support/simulator-harness.js';
import type { WebhookPayload } from './webhook-types.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const statusesOf = (raw: string) =>
  (JSON.parse(raw) as WebhookPayload).entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []));

describe('POST /:version/:phoneNumberId/messages', () => {
  it("answers in Meta's shape, then posts signed sent, delivered and read webhooks in order", async () => {
    const response = await h.send(textTo('+55 11 98765-4321'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { messages: Array<{ id: string }> };
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+55 11 98765-4321', wa_id: '5511987654321' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const id = body.messages[0]?.id;

    const received = await h.receiver.waitFor(3);
    for (const request of received) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(
        verifyWebhookSignature(request.rawBody, APP_SECRET, request.headers['x-hub-signature-256'] as string),
      ).toBe(true);
    }
    const statuses = received.flatMap((r) => statusesOf(r.rawBody));
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses.every((s) => s.id === id && s.recipient_id === '5511987654321')).toBe(true);
    const first = JSON.parse(received[0]?.rawBody ?? '{}') as WebhookPayload;
    expect(first.entry[0]?.changes[0]?.value.metadata.phone_number_id).toBe(PHONE_NUMBER_ID);
    expect(statuses[0]?.pricing).toMatchObject({ pricing_model: 'PMP', category: 'service' });
    expect(h.sim.sentMessages).toMatchObject([{ id, waId: '5511987654321', type: 'text', answered: true }]);
  });

  it('retries a status webhook the receiver did not acknowledge, as Meta does', async () => {
    h.receiver.respondWith = 503;
    const response = await h.send(textTo('+55 11 98765-4321'));
    const id = ((await response.json()) as { messages: Array<{ id: string }> }).messages[0]?.id;
    await h.receiver.waitFor(2);
    h.receiver.respondWith = 200;
    await h.receiver.waitFor(5, 5000);
    const statuses = h.receiver.received.flatMap((r) => statusesOf(r.rawBody)).filter((s) => s.id === id);
    expect(statuses.filter((s) => s.status === 'sent').length).toBeGreaterThanOrEqual(2);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['sent', 'delivered', 'read']));
  });

  it('marks template sends accepted and bills them as utility', async () => {
    const response = await h.send({
      messaging_product: 'whatsapp',
      to: '14155550123',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '48213' }] }],
      },
    });
    expect(((await response.json()) as { messages: unknown[] }).messages[0]).toMatchObject({
      message_status: 'accepted',
    });
    const [sent] = statusesOf((await h.receiver.waitFor(1))[0]?.rawBody ?? '');
    expect(sent?.pricing).toEqual({ billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' });
  });

  it('gives a reaction only a sent status, as Cloud API does', async () => {
    await h.send({
      messaging_product: 'whatsapp',
      to: '14155550123',
      type: 'reaction',
      reaction: { message_id: 'wamid.in', emoji: '👍' },
    });
    await h.sim.statusWebhooksSettled();
    expect(h.receiver.received.flatMap((r) => statusesOf(r.rawBody)).map((s) => s.status)).toEqual(['sent']);
  });

  it('sends to a business-scoped user id and reports it as recipient_user_id', async () => {
    const response = await h.send({
      messaging_product: 'whatsapp',
      recipient: 'US.13491208655302741918',
      type: 'text',
      text: { body: 'hi' },
    });
    expect(((await response.json()) as { contacts: unknown[] }).contacts).toEqual([
      { input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' },
    ]);
    const [sent] = statusesOf((await h.receiver.waitFor(1))[0]?.rawBody ?? '');
    expect(sent).toMatchObject({ recipient_user_id: 'US.13491208655302741918' });
    expect(sent).not.toHaveProperty('recipient_id');
  });

  it('answers mark-as-read with success and posts nothing', async () => {
    const response = await h.send({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.inbound' });
    expect(await response.json()).toEqual({ success: true });
    expect(h.sim.markedRead).toEqual(['wamid.inbound']);
    await h.sim.statusWebhooksSettled();
    expect(h.receiver.received).toHaveLength(0);
  });

  it('accepts sends but posts nothing when no webhook URL is set', async () => {
    h.sim.setWebhookUrl(undefined);
    expect((await h.send(textTo('14155550123'))).status).toBe(200);
    await h.sim.statusWebhooksSettled();
    expect(h.receiver.received).toHaveLength(0);
    expect(h.sim.webhookLog).toHaveLength(0);
  });

  it('signs and delivers arbitrary inbound envelopes for server tests', async () => {
    const delivery = await h.sim.postWebhook(
      envelope({ messages: [inbound.text({ from: '14155550123', body: 'hello' })] }),
    );
    expect(delivery).toMatchObject({ ok: true, status: 200 });
    const [request] = await h.receiver.waitFor(1);
    expect(
      verifyWebhookSignature(request?.rawBody ?? '', APP_SECRET, request?.headers['x-hub-signature-256'] as string),
    ).toBe(true);
    expect(h.sim.webhookLog[0]?.delivery.status).toBe(200);
  });
});
