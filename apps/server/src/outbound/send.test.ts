import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { Ack, ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { loadTemplateSeed } from './template-seed.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  await loadTemplateSeed(server.app.services.templates);
});
afterAll(() => server.close());

/** A customer writes in; returns their conversation. */
async function customerWrites(waId: string, body = 'hola, necesito ayuda'): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

async function send(conversationId: string, key: string, body: unknown) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as MessageDTO & { error: { code: string; message: string; issues?: { path: string }[] } },
  };
}

const callsFor = (messageId: string) =>
  server.sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === messageId);

async function shown(conversationId: string, messageId: string): Promise<MessageDTO | undefined> {
  const page = await server.api<Page<MessageDTO>>(
    admin,
    'GET',
    `/api/conversations/${conversationId}/messages?limit=200`,
  );
  return page.body.items.find((m) => m.id === messageId);
}

describe('sending a reply', () => {
  it('the same idempotency key three times is one message and one call to WhatsApp, then it is read', async () => {
    const conversation = await customerWrites('5215500000001');
    const answers = await Promise.all(
      [1, 2, 3].map(() => send(conversation.id, 'reply-0001', { type: 'text', body: 'Tu pedido sale hoy 🚚' })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    await eventually(async () => (await shown(conversation.id, id!))?.status === 'read', 'the reply to be read');
    expect(callsFor(id!)).toHaveLength(1);
    expect(callsFor(id!)[0]!.request).toMatchObject({
      to: '5215500000001',
      type: 'text',
      text: { body: 'Tu pedido sale hoy 🚚' },
    });
    const stored = await server.app.models.Message.countDocuments({ clientMessageId: 'reply-0001' });
    expect(stored).toBe(1);
  });

  it('the same key with a different message is refused, not sent', async () => {
    const conversation = await customerWrites('5215500000002');
    expect((await send(conversation.id, 'reply-0002', { type: 'text', body: 'one' })).status).toBe(201);
    const other = await send(conversation.id, 'reply-0002', { type: 'text', body: 'another' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('over the socket, the same clientMessageId after a reconnect returns the same message', async () => {
    const conversation = await customerWrites('5215500000003');
    const command = {
      conversationId: conversation.id,
      clientMessageId: 'sock-00000001',
      message: { type: 'text' as const, body: 'Te ayudo ahora mismo' },
    };
    const emit = async () => {
      const socket = await server.connectSocket(admin);
      const ack = await new Promise<Ack<MessageDTO>>((resolve) => socket.emit('message:send', command, resolve));
      socket.disconnect();
      return ack;
    };
    const [first, second] = [await emit(), await emit()];
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data.id).toBe(first.data.id);
    await eventually(async () => callsFor(first.data.id).length === 1, 'one call to WhatsApp');
  });

  it('a request without an Idempotency-Key, or with a blank body, is refused naming the problem', async () => {
    const conversation = await customerWrites('5215500000004');
    const res = await server.api<{ error: { message: string } }>(
      admin,
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { type: 'text', body: 'x' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Idempotency-Key/);
    const blank = await send(conversation.id, 'reply-0004', { type: 'text', body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.issues?.map((i) => i.path)).toEqual(['body.body']);
  });

  it('an internal note is stored on the conversation and never sent', async () => {
    const conversation = await customerWrites('5215500000005');
    const note = await send(conversation.id, 'note-00000001', {
      type: 'note',
      body: 'Cliente VIP, ofrecer envío gratis',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ direction: 'internal', status: 'received', content: { type: 'note' } });
    // A reply written after the note goes out only once everything older to this customer has: when it has
    // reached WhatsApp, a note that was queued would have too.
    const reply = await send(conversation.id, 'note-00000002', { type: 'text', body: 'Te ofrecemos envío gratis' });
    await eventually(async () => callsFor(reply.body.id).length === 1, 'the later reply to reach WhatsApp');
    expect(callsFor(note.body.id)).toHaveLength(0);
    expect(await server.app.models.Outbox.countDocuments({ _id: note.body.id })).toBe(0);
  });
});

describe('the 24-hour window', () => {
  it('a free-form reply after the window is refused with WINDOW_CLOSED; an approved template goes out', async () => {
    const conversation = await customerWrites('5215500000010');
    expect(conversation.windowExpiresAt).not.toBeNull();
    const lastInboundAt = new Date(Date.now() - 25 * 3600_000);
    await server.app.models.Conversation.updateOne({ _id: conversation.id }, { $set: { lastInboundAt } });
    const refused = await send(conversation.id, 'late-0000001', { type: 'text', body: '¿Sigues ahí?' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('WINDOW_CLOSED');
    expect(refused.body.error.message).toContain('Send an approved template');
    const updated = await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${conversation.id}`);
    expect(updated.body.windowExpiresAt).toBe(new Date(lastInboundAt.getTime() + 24 * 3600_000).toISOString());

    const template = await send(conversation.id, 'late-0000002', {
      type: 'template',
      template: { name: 'order_update', language: 'es', parameters: ['Lucía', 'ORD-9001', '2026-12-01'] },
    });
    expect(template.status).toBe(201);
    expect(template.body.content).toMatchObject({
      type: 'template',
      renderedText: expect.stringContaining('ORD-9001'),
    });
    await eventually(async () => callsFor(template.body.id).length === 1, 'the template to go out');
    expect(callsFor(template.body.id)[0]!.request).toMatchObject({
      type: 'template',
      template: { name: 'order_update', language: { code: 'es' } },
    });
  });

  it('template parameter errors are refused before anything is queued', async () => {
    const conversation = await customerWrites('5215500000011');
    const wrongCount = await send(conversation.id, 'tpl-00000001', {
      type: 'template',
      template: { name: 'order_update', language: 'es', parameters: ['Lucía'] },
    });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.code).toBe('TEMPLATE_PARAMETERS_INVALID');
    const blank = await send(conversation.id, 'tpl-00000002', {
      type: 'template',
      template: { name: 'order_update', language: 'es', parameters: ['Lucía', ' ', '2026-12-01'] },
    });
    expect(blank.body.error.issues?.map((i) => i.path)).toEqual(['parameters.2']);
    const pending = await send(conversation.id, 'tpl-00000003', {
      type: 'template',
      template: {
        name: 'payment_reminder',
        language: 'pt_BR',
        parameters: { customer_name: 'João', amount_due: '10.00 BRL', invoice_number: 'INV-1', due_date: '2026-12-01' },
      },
    });
    expect(pending.status).toBe(422);
    expect(pending.body.error.code).toBe('TEMPLATE_NOT_APPROVED');
    expect(
      await server.app.models.Message.countDocuments({
        clientMessageId: { $in: ['tpl-00000001', 'tpl-00000002', 'tpl-00000003'] },
      }),
    ).toBe(0);
  });
  it('a refused template names each parameter at fault and why, over HTTP and the socket', async () => {
    const conversation = await customerWrites('5215500000012');
    const template = {
      name: 'appointment_reminder',
      language: 'es',
      parameters: { customer_name: 'Lucía '.repeat(200), appointment_time: 'mañana', place: 'Gran Vía' },
    };
    const refused = await send(conversation.id, 'tpl-00000004', { type: 'template', template });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('TEMPLATE_PARAMETERS_INVALID');
    const issues = [
      {
        path: 'parameters.customer_name',
        message: 'parameter 1 {{customer_name}}: too long: 1199 characters, at most 1024',
        reason: 'too_long',
      },
      { path: 'parameters.location', message: 'parameter 2 {{location}}: missing', reason: 'missing' },
      {
        path: 'parameters.appointment_time',
        message:
          "parameter 3 {{appointment_time}}: expected a date_time (an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z), got 'mañana'",
        reason: 'wrong_type',
      },
      {
        path: 'parameters.place',
        message: '{{place}}: unknown: the template has no such parameter',
        reason: 'unknown',
      },
    ];
    expect(refused.body.error.issues).toEqual(issues);
    expect(refused.body.error.message).toBe(
      `the parameters do not fit template appointment_reminder in es: ${issues.map((i) => i.message).join('; ')}`,
    );

    const socket = await server.connectSocket(admin);
    try {
      const ack = await socket.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: 'tpl-00000005',
        message: {
          type: 'template',
          template: { name: 'order_update', language: 'es', parameters: ['Lucía', 'ORD-1', 'tomorrow'] },
        },
      });
      expect(ack).toMatchObject({
        ok: false,
        error: {
          code: 'TEMPLATE_PARAMETERS_INVALID',
          issues: [
            {
              path: 'parameters.3',
              reason: 'wrong_type',
              message: expect.stringMatching(/^parameter 3 \{\{3\}\}: expected a date_time .*, got 'tomorrow'$/),
            },
          ],
        },
      });
    } finally {
      socket.disconnect();
    }
  });
});

describe('consent', () => {
  it('STOP opts out and is confirmed once; templates are refused; ALTA opts back in; every change recorded', async () => {
    const waId = '5215500000020';
    const conversation = await customerWrites(waId, 'hola');
    await customerWrites(waId, 'BAJA');
    await customerWrites(waId, 'baja!!');
    const contact = await server.app.models.Contact.findOne({ waId }).orFail();
    expect(contact.optedOut).toBe(true);
    const confirmations = () => server.sim.sentMessages.filter((m) => m.waId === waId);
    await eventually(async () => confirmations().length >= 1, 'the opt-out confirmation');
    expect(confirmations()[0]!.request).toMatchObject({
      type: 'text',
      text: { body: expect.stringContaining('Ya no recibirás') },
    });

    const refused = await send(conversation.id, 'consent-0001', {
      type: 'template',
      template: { name: 'order_update', language: 'es', parameters: ['Ana', 'ORD-1', '2026-12-01'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OPTED_OUT');

    await customerWrites(waId, 'Alta');
    expect((await server.app.models.Contact.findById(contact._id).orFail()).optedOut).toBe(false);
    const history = await server.app.services.consent.history(contact._id);
    expect(history.map((h) => [h.optedOut, h.keyword])).toEqual([
      [true, 'BAJA'],
      [false, 'ALTA'],
    ]);
    // The opt-in confirmation goes out only after everything queued before it to this customer: once it has
    // reached WhatsApp, a second opt-out confirmation (for 'baja!!') would have too.
    const textsSent = () =>
      confirmations().map((m) => (m.request.type === 'text' ? m.request.text.body : m.request.type));
    await eventually(
      async () => textsSent().some((t) => t.startsWith('Te volviste a suscribir')),
      'the opt-in confirmation',
    );
    expect(textsSent()).toEqual([expect.stringContaining('Ya no recibirás'), expect.stringContaining('Te volviste')]);
  });

  it('after STOP nothing reaches the customer: a reply of any kind is refused before it is stored', async () => {
    const waId = '5215500000022';
    const conversation = await customerWrites(waId, 'hola');
    await customerWrites(waId, 'STOP');
    await eventually(async () => server.sim.sentMessages.some((m) => m.waId === waId), 'the opt-out confirmation');
    const before = await server.app.models.Message.countDocuments({ conversationId: conversation.id });

    for (const [key, body] of [
      ['optout-text-1', { type: 'text', body: 'but wait, one more thing' }],
      [
        'optout-tmpl-1',
        {
          type: 'template',
          template: { name: 'order_update', language: 'es', parameters: ['Ana', 'ORD-1', '2026-12-01'] },
        },
      ],
    ] as const) {
      const refused = await send(conversation.id, key, body);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('OPTED_OUT');
      expect(refused.body.error.message).toMatch(/opted out/);
    }
    expect(await server.app.models.Message.countDocuments({ conversationId: conversation.id })).toBe(before);
    const notes = await send(conversation.id, 'optout-note-1', { type: 'note', body: 'customer said STOP' });
    expect(notes.status).toBe(201);
    expect(server.sim.sentMessages.filter((m) => m.waId === waId)).toHaveLength(1);
  });

  it('a reply queued before STOP is not sent after it: it fails saying why', async () => {
    const waId = '5215500000023';
    const conversation = await customerWrites(waId, 'hola');
    await server.app.outboxWorker.stop();
    try {
      const queued = await send(conversation.id, 'optout-race-1', { type: 'text', body: 'here is your answer' });
      expect(queued.status).toBe(201);
      await customerWrites(waId, 'STOP');
    } finally {
      server.app.outboxWorker.start();
    }
    const failed = await eventually(async () => {
      const page = await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversation.id}/messages`);
      const reply = page.body.items.find((m) => m.clientMessageId === 'optout-race-1');
      return reply?.status === 'failed' ? reply : undefined;
    }, 'the queued reply to fail');
    expect(failed.failureReason).toMatch(/opted out/);
    await eventually(async () => server.sim.sentMessages.some((m) => m.waId === waId), 'the opt-out confirmation');
    expect(server.sim.sentMessages.filter((m) => m.waId === waId).map((m) => m.request.type)).toEqual(['text']);
    expect(callsFor(failed.id)).toEqual([]);
  });

  it('a sentence that merely contains STOP is not an opt-out', async () => {
    const waId = '5215500000021';
    await customerWrites(waId, 'please stop sending the wrong size');
    expect((await server.app.models.Contact.findOne({ waId }).orFail()).optedOut).toBe(false);
  });
});
