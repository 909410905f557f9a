import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, envelope, inbound, status } from '@switchboard/whatsapp-simulator';
import type { ChannelDTO, ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { parseExposition, valueOf } from '@switchboard/test-support/prometheus-text';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ CONVERSATION_REOPEN_MINUTES: '30' });
  token = await server.login();
});
// Closing drains what the 1000-message batch left queued in memory (the report reducer counts every change
// before the process stops): over a minute when both cores are busy.
afterAll(() => server.close(), 180_000);

async function conversationOf(waId: string, phoneNumberId?: string): Promise<ConversationDTO[]> {
  const contact = await server.app.models.Contact.findOne({ waId });
  if (!contact) return [];
  const page = await server.api<Page<ConversationDTO>>(token, 'GET', '/api/conversations?limit=200');
  const channels = await server.api<{ items: ChannelDTO[] }>(token, 'GET', '/api/channels');
  const channelId = phoneNumberId ? channels.body.items.find((c) => c.phoneNumberId === phoneNumberId)?.id : undefined;
  return page.body.items.filter((c) => c.contact.id === contact.id && (!channelId || c.channelId === channelId));
}

async function messagesOf(conversationId: string): Promise<MessageDTO[]> {
  return (await server.api<Page<MessageDTO>>(token, 'GET', `/api/conversations/${conversationId}/messages?limit=200`))
    .body.items;
}

describe('webhooks handed to the workers', () => {
  const intakeSearches = async () =>
    valueOf(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), 'switchboard_db_commands_total', {
      collection: 'webhook_intake',
      command: 'find',
      outcome: 'ok',
    }) ?? 0;

  it('a burst is worked through by id from the hand-off, not by searching the intake queue for each (a search reads the whole queue)', async () => {
    const before = await intakeSearches();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server.postWebhook(
          envelope({
            messages: [inbound.text({ from: `55119333${String(i % 8).padStart(4, '0')}`, body: `burst ${i}` })],
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { stored: string }).stored));
    await eventually(
      async () => (await server.app.models.WebhookArchive.countDocuments({ _id: { $in: ids }, status: 'done' })) === 40,
      'the burst to be processed',
      // Forty webhooks' full processing: about 5 s on a quiet machine, 16 s and more with both cores busy.
      60_000,
    );
    // Each worker loop searches when it runs out of handed work, then not again before its next poll (a
    // second): on a busy machine the burst arrives spread out and takes longer, so the bound follows the time
    // taken, as below. A search per webhook would be 40 (80 before the hand-off).
    const seconds = (Date.now() - started) / 1000;
    const polls = 2 * (Math.ceil(seconds) + 1);
    expect(await intakeSearches()).toBeLessThanOrEqual(before + Math.min(polls, 39));
  });

  it('one at a time, each is taken from the hand-off by one worker, with no search woken by it', async () => {
    const before = await intakeSearches();
    const started = Date.now();
    for (let i = 0; i < 10; i++)
      await server.deliver(
        envelope({ messages: [inbound.text({ from: '5511933390000', body: `one at a time ${i}` })] }),
      );
    const seconds = (Date.now() - started) / 1000;
    // Idle workers still search once per poll (a second): that many, and none for each webhook (two each before).
    const polls = 2 * (Math.ceil(seconds) + 1);
    expect(await intakeSearches()).toBeLessThanOrEqual(before + polls);
  });
});

describe('duplicates are normal', () => {
  it('the same message id delivered three times is one message', async () => {
    const message = inbound.text({ from: '5511911110001', name: 'Ana', body: 'cadê meu pedido?' });
    const payload = envelope({ messages: [message] });
    const answers = await Promise.all([server.postWebhook(payload), server.postWebhook(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await server.deliver(payload);
    await eventually(
      async () => (await server.app.models.WebhookIntake.countDocuments()) === 0,
      'all intake processed',
    );
    expect(await server.app.models.Message.countDocuments({ providerMessageId: message.id })).toBe(1);
    const [conversation] = await conversationOf('5511911110001');
    expect(conversation?.messageCount).toBe(1);
    const events = await server.app.models.ConversationEvent.countDocuments({
      conversationId: conversation!.id,
      type: 'message:created',
    });
    expect(events).toBe(1);
  });

  it('a message delivered again once the customer is in a newer conversation stays in its own, and changes neither', async () => {
    const waId = '5511911110002';
    const late = envelope({ messages: [inbound.text({ from: waId, body: 'my card was charged twice' })] });
    await server.deliver(late);
    const [first] = await conversationOf(waId);
    await server.api(token, 'POST', `/api/conversations/${first!.id}/resolve`);
    await server.app.models.Conversation.updateOne(
      { _id: first!.id },
      { $set: { resolvedAt: new Date(Date.now() - 31 * 60_000) } },
    );
    await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'a new question' })] }));
    const before = await conversationOf(waId);
    const second = before.find((c) => c.id !== first!.id)!;
    const secondEvents = () => server.app.models.ConversationEvent.countDocuments({ conversationId: second.id });
    const eventsBefore = await secondEvents();

    await server.deliver(late);
    const after = await conversationOf(waId);
    expect(after.map((c) => [c.id, c.messageCount, c.lastMessagePreview, c.status]).sort()).toEqual(
      before.map((c) => [c.id, c.messageCount, c.lastMessagePreview, c.status]).sort(),
    );
    expect((await messagesOf(first!.id)).map((m) => m.content.type === 'text' && m.content.body)).toEqual([
      'my card was charged twice',
    ]);
    expect((await messagesOf(second.id)).map((m) => m.content.type === 'text' && m.content.body)).toEqual([
      'a new question',
    ]);
    // Nothing about it reaches the newer conversation's log (what its viewers are pushed), nor its triage.
    expect(await secondEvents()).toBe(eventsBefore);
  });
});

/** The message as clients are shown it: through the conversation's message list. */
async function shownMessage(providerMessageId: string): Promise<MessageDTO> {
  const doc = await server.app.models.Message.findOne({ providerMessageId }).orFail();
  const found = (await messagesOf(doc.conversationId.toHexString())).find(
    (m) => m.providerMessageId === providerMessageId,
  );
  if (!found) throw new Error('message not listed');
  return found;
}

describe('delivery statuses', () => {
  async function outboundMessage(waId: string) {
    await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'hello' })] }));
    const [conversation] = await conversationOf(waId);
    const doc = await server.app.models.Conversation.findById(conversation!.id).orFail();
    const providerMessageId = `wamid.OUT${Date.now()}${Math.random().toString(36).slice(2)}`;
    return { doc, providerMessageId };
  }

  /** A reply queued by an agent and then accepted by WhatsApp under `providerMessageId`. */
  async function acceptedReply(
    conversation: Awaited<ReturnType<typeof outboundMessage>>['doc'],
    providerMessageId: string,
  ) {
    const { messages } = server.app.services;
    const { message } = await messages.queueOutbound({
      key: `out:${providerMessageId}`,
      conversation,
      content: { type: 'text', body: 'Your order ships today' },
      context: null,
      authorId: null,
      clientMessageId: null,
      requestHash: 'test',
      preview: 'Your order ships today',
    });
    await messages.markAccepted(message._id, providerMessageId, 1);
  }

  it('end in the right state whatever order they arrive in, each time kept', async () => {
    const { doc, providerMessageId } = await outboundMessage('5511911110002');
    await acceptedReply(doc, providerMessageId);
    const base = Math.floor(Date.now() / 1000);
    const s = { id: providerMessageId, recipientId: '5511911110002' };
    await server.deliver(envelope({ statuses: [status.read({ ...s, timestamp: base + 3 })] }));
    await server.deliver(
      envelope({
        statuses: [status.sent({ ...s, timestamp: base + 1 }), status.delivered({ ...s, timestamp: base + 2 })],
      }),
    );
    await server.deliver(envelope({ statuses: [status.delivered({ ...s, timestamp: base + 2 })] }));
    const message = await shownMessage(providerMessageId);
    expect(message.status).toBe('read');
    expect(message.statusTimestamps).toEqual({
      sent: new Date((base + 1) * 1000).toISOString(),
      delivered: new Date((base + 2) * 1000).toISOString(),
      read: new Date((base + 3) * 1000).toISOString(),
      failed: null,
    });
    expect(await server.app.models.DeliveryStatus.countDocuments({ providerMessageId })).toBe(3);
  });

  it('arriving before the message is known, are applied when it appears', async () => {
    const { doc, providerMessageId } = await outboundMessage('5511911110003');
    const s = { id: providerMessageId, recipientId: '5511911110003' };
    await server.deliver(envelope({ statuses: [status.sent(s), status.delivered(s)] }));
    await acceptedReply(doc, providerMessageId);
    expect((await shownMessage(providerMessageId)).status).toBe('delivered');
  });

  it('a failed status that arrives before WhatsApp answered the send keeps its error and reason', async () => {
    const { doc, providerMessageId } = await outboundMessage('5511911110005');
    await server.deliver(
      envelope({ statuses: [status.failed({ id: providerMessageId, recipientId: '5511911110005', code: 131047 })] }),
    );
    await acceptedReply(doc, providerMessageId);
    const failed = await shownMessage(providerMessageId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 131047 },
      failureReason: expect.stringMatching(/24 hours/),
    });
  });

  it('failed keeps the error code and title, and never overrides a delivery', async () => {
    const { doc, providerMessageId } = await outboundMessage('5511911110004');
    await acceptedReply(doc, providerMessageId);
    const s = { id: providerMessageId, recipientId: '5511911110004' };
    await server.deliver(envelope({ statuses: [status.sent(s), status.failed({ ...s, code: 131047 })] }));
    const failed = await shownMessage(providerMessageId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 131047, title: expect.stringMatching(/re-engagement/i) });
    await server.deliver(envelope({ statuses: [status.delivered(s)] }));
    const delivered = await shownMessage(providerMessageId);
    expect(delivered.status).toBe('delivered');
  });
});

describe('batches', () => {
  it('a batch with one broken item stores the rest and records the broken one', async () => {
    const good = Array.from({ length: 5 }, (_, i) =>
      inbound.text({ from: '5511911110010', name: 'Bruno', body: `mensagem ${i}` }),
    );
    const broken = { ...inbound.text({ from: '5511911110010', body: 'x' }), timestamp: 'yesterday' };
    const payload = envelope({ messages: [good[0]!, good[1]!, broken as never, good[2]!, good[3]!, good[4]!] });
    const intake = await server.deliver(payload);
    expect(intake.status).toBe('done');
    expect(intake.itemErrors).toEqual([
      { path: 'entry.0.changes.0.value.messages.2.timestamp', message: 'must be unix seconds' },
    ]);
    const [conversation] = await conversationOf('5511911110010');
    const bodies = (await messagesOf(conversation!.id)).map((m) => (m.content.type === 'text' ? m.content.body : ''));
    expect(bodies.sort()).toEqual(['mensagem 0', 'mensagem 1', 'mensagem 2', 'mensagem 3', 'mensagem 4']);
  });

  it('a batch of 1000 updates across several entries is processed whole', { timeout: 300_000 }, async () => {
    const parts = Array.from({ length: 4 }, (_, p) =>
      envelope({
        messages: Array.from({ length: 250 }, (_, i) =>
          inbound.text({
            from: `55119222${String(p).padStart(2, '0')}${String(i % 10).padStart(2, '0')}`,
            body: `m${p}-${i}`,
          }),
        ),
      }),
    );
    const intake = await server.deliver(batch(parts), 290_000);
    expect(intake.status).toBe('done');
    expect(intake.itemErrors).toEqual([]);
    expect((intake.counts as { messages?: number } | undefined)?.messages).toBe(1000);
    const ids = parts.flatMap((p) =>
      (
        p as unknown as { entry: { changes: { value: { messages: { id: string }[] } }[] }[] }
      ).entry[0]!.changes[0]!.value.messages.map((m) => m.id),
    );
    expect(await server.app.models.Message.countDocuments({ providerMessageId: { $in: ids } })).toBe(1000);
  });
});

describe('business numbers', () => {
  it('an unknown phone_number_id is recorded as an unregistered channel, its messages kept and visible', async () => {
    await server.deliver(
      envelope({
        phoneNumberId: '109999999999999',
        displayPhoneNumber: '+1 555 0199',
        messages: [inbound.text({ from: '5511911110020', body: 'hi' })],
      }),
    );
    const channels = await server.api<{ items: ChannelDTO[] }>(token, 'GET', '/api/channels');
    expect(channels.body.items.find((c) => c.phoneNumberId === '109999999999999')).toMatchObject({
      status: 'unregistered',
      displayPhoneNumber: '15550199',
    });
    const conversations = await conversationOf('5511911110020', '109999999999999');
    expect(conversations).toHaveLength(1);
  });

  it('the same customer on two business numbers has two conversations', async () => {
    await server.deliver(
      envelope({ phoneNumberId: '100000000000001', messages: [inbound.text({ from: '5511911110021', body: 'a' })] }),
    );
    await server.deliver(
      envelope({ phoneNumberId: '100000000000002', messages: [inbound.text({ from: '5511911110021', body: 'b' })] }),
    );
    expect(await conversationOf('5511911110021')).toHaveLength(2);
  });
});

describe('one open conversation per contact and number; the reopen rule', () => {
  it('a message soon after resolution reopens the conversation; one after the window starts a new one', async () => {
    const waId = '5511911110030';
    await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'first' })] }));
    const [first] = await conversationOf(waId);
    expect((await server.api(token, 'POST', `/api/conversations/${first!.id}/resolve`)).status).toBe(200);
    await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'one more thing' })] }));
    let conversations = await conversationOf(waId);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ id: first!.id, status: 'open', messageCount: 2 });

    await server.api(token, 'POST', `/api/conversations/${first!.id}/resolve`);
    await server.app.models.Conversation.updateOne(
      { _id: first!.id },
      { $set: { resolvedAt: new Date(Date.now() - 31 * 60_000) } },
    );
    await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'new problem' })] }));
    conversations = await conversationOf(waId);
    expect(conversations).toHaveLength(2);
    const fresh = conversations.find((c) => c.id !== first!.id)!;
    expect(fresh).toMatchObject({ status: 'open', messageCount: 1, lastMessagePreview: 'new problem' });
  });

  it('messages racing in for a new contact open exactly one conversation', async () => {
    const waId = '5511911110031';
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        server.deliver(envelope({ messages: [inbound.text({ from: waId, body: `race ${i}` })] })),
      ),
    );
    const conversations = await conversationOf(waId);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.messageCount).toBe(6);
  });
});
