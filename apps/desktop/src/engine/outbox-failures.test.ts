import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page, SendMessageRequest, TemplateDTO } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { tempDir } from './test-support/fixtures.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
let template: TemplateDTO;
let engine: SyncEngine;
const dir = tempDir();

beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  template = (
    await server.api<TemplateDTO>(admin, 'POST', '/api/templates', {
      name: 'delivery_slot',
      language: 'pt_BR',
      category: 'utility',
      parameterFormat: 'named',
      body: 'Olá {{customer_name}}, sua entrega chega em {{delivery_at}}.',
      parameters: [
        { name: 'customer_name', type: 'text', example: 'Ana' },
        { name: 'delivery_at', type: 'date_time', example: '2026-12-24T10:00' },
      ],
      status: 'approved',
    })
  ).body;
  engine = createSyncEngine({
    serverUrl: server.url,
    token: admin,
    cacheFile: dir.file(),
    ackTimeoutMs: 2_000,
    reconnectDelayMaxMs: 300,
    outboxRetryMs: 600_000,
  });
  await engine.start();
  await eventually(async () => engine.connection === 'online', 'the engine to be online');
});
afterAll(async () => {
  await engine?.stop();
  await server.close();
  dir.remove();
});

async function customerWrites(waId: string): Promise<ConversationDTO> {
  await server.deliver(envelope({ messages: [inbound.text({ from: waId, body: 'quando chega?' })] }));
  const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
  return page.body.items.find((c) => c.contact.waId === waId)!;
}

const slot = (deliveryAt: string): SendMessageRequest => ({
  type: 'template',
  template: { name: 'delivery_slot', language: 'pt_BR', parameters: { customer_name: 'Ana', delivery_at: deliveryAt } },
});

const entryOf = async (conversationId: string, clientMessageId: string) =>
  (await engine.listOutbox(conversationId)).find((e) => e.clientMessageId === clientMessageId)!;

const settled = (conversationId: string, clientMessageId: string) =>
  eventually(async () => {
    const entry = await entryOf(conversationId, clientMessageId);
    return entry.state !== 'pending' && entry;
  }, 'the server to answer the reply');

async function setStatus(status: 'approved' | 'pending') {
  template = (
    await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${template.id}`, {
      version: template.version,
      status,
    })
  ).body;
}

const storedOnServer = (clientMessageId: string) => server.app.models.Message.countDocuments({ clientMessageId });

describe('a template the server refuses', () => {
  it("is failed with the server's reasons, never pending; edited it is replaced, retried it is sent once", async () => {
    const conversation = await customerWrites('5511920000001');
    const refused = await engine.sendReply(conversation.id, slot('amanhã'));
    const failed = await settled(conversation.id, refused.clientMessageId);
    expect(failed).toMatchObject({
      state: 'failed',
      errorCode: 'TEMPLATE_PARAMETERS_INVALID',
      lastError: expect.stringContaining('parameter 2 {{delivery_at}}: expected a date_time'),
      errorIssues: [
        { path: 'parameters.delivery_at', reason: 'wrong_type', message: expect.stringContaining("got 'amanhã'") },
      ],
    });
    // Meta reviews the template again meanwhile. Edit: the old reply is discarded, the new one queued in its place.
    await setStatus('pending');
    const edited = await engine.replaceReply(refused.clientMessageId, slot('2026-12-24T10:00'));
    expect(edited.clientMessageId).not.toBe(refused.clientMessageId);
    expect(await entryOf(conversation.id, refused.clientMessageId)).toMatchObject({ state: 'discarded' });
    expect(await settled(conversation.id, edited.clientMessageId)).toMatchObject({
      state: 'failed',
      errorCode: 'TEMPLATE_NOT_APPROVED',
      errorIssues: [],
    });
    // A failed reply is not among those still to send: the flushes since did not try it again.
    expect(await entryOf(conversation.id, refused.clientMessageId)).toMatchObject({ attempts: 1 });

    // Retry once Meta approved it: the same reply, sent once.
    await setStatus('approved');
    const retried = await engine.retryReply(edited.clientMessageId);
    expect(retried).toMatchObject({ state: 'pending', lastError: null, errorCode: null, errorIssues: [] });
    expect(await settled(conversation.id, edited.clientMessageId)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await storedOnServer(edited.clientMessageId)).toBe(1);
    expect(await storedOnServer(refused.clientMessageId)).toBe(0);
    expect((await engine.listMessages(conversation.id)).at(-1)!.content).toMatchObject({
      type: 'template',
      renderedText: 'Olá Ana, sua entrega chega em 2026-12-24T10:00.',
    });
  });

  it('discarded, it stays discarded: never sent, and it cannot be retried', async () => {
    const conversation = await customerWrites('5511920000002');
    const refused = await engine.sendReply(conversation.id, slot(''));
    expect(await settled(conversation.id, refused.clientMessageId)).toMatchObject({
      state: 'failed',
      errorIssues: [{ path: 'parameters.delivery_at', reason: 'blank' }],
    });
    expect(await engine.discardReply(refused.clientMessageId)).toMatchObject({ state: 'discarded' });
    await expect(engine.retryReply(refused.clientMessageId)).rejects.toThrow(/has not failed \(discarded\)/);
    const later = await engine.sendReply(conversation.id, { type: 'note', body: 'cliente avisado por telefone' });
    expect(await settled(conversation.id, later.clientMessageId)).toMatchObject({ state: 'sent' });
    expect(await entryOf(conversation.id, refused.clientMessageId)).toMatchObject({ state: 'discarded', attempts: 1 });
    expect(await storedOnServer(refused.clientMessageId)).toBe(0);
  });
});

describe('a template WhatsApp did not deliver', () => {
  it('sent again (as it was or edited) or discarded, it stops offering its actions, and stays so', async () => {
    const conversation = await customerWrites('5511920000003');
    server.sim.faults.set({ metaError: { count: 1, code: 132000 } });
    const first = await engine.sendReply(conversation.id, slot('2026-12-24T10:00'));
    expect(await settled(conversation.id, first.clientMessageId)).toMatchObject({ state: 'sent' });
    const failed = await eventually(async () => {
      const message = (await engine.listMessages(conversation.id)).find(
        (m) => m.clientMessageId === first.clientMessageId,
      );
      return message?.status === 'failed' && message;
    }, 'WhatsApp to refuse the template');

    const again = await engine.settleFailedMessage(conversation.id, failed.id, slot('2026-12-24T11:00'));
    expect(await engine.listDismissedFailures(conversation.id)).toEqual([failed.id]);
    expect(await settled(conversation.id, again!.clientMessageId)).toMatchObject({ state: 'sent' });
    expect(await engine.settleFailedMessage(conversation.id, failed.id)).toBeNull();
    expect(await engine.listDismissedFailures(conversation.id)).toEqual([failed.id]);
  });
});
