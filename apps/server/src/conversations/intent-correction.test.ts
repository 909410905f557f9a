import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDTO, QueueDTO } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { actionKit, timelineOf } from '@switchboard/test-support/action-kit';
import { correctionLines, readCorrections, sharedIntentClassifier } from '../triage/index.js';

let server: TestServer;
let kit: ReturnType<typeof actionKit>;
let admin: string;
let orders: QueueDTO;
let billing: QueueDTO;
// Training the classifier is a one-off per process: done here, it does not count against the first test.
beforeAll(() => sharedIntentClassifier(), 120_000);
beforeEach(async () => {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '200' });
  kit = actionKit(server);
  admin = await server.login();
  orders = await kit.queue(admin, { name: 'Orders', intents: ['order_status', 'delivery_problem'] });
  billing = await kit.queue(admin, { name: 'Billing', intents: ['payment_issue', 'invoice_question'] });
  await kit.queue(admin, { name: 'Support', fallback: true });
});
afterEach(() => server.close());

const conversationOf = async (id: string) => server.app.models.Conversation.findById(id).orFail();

describe('correcting the intent', () => {
  it('stores who and when, shows it in the history, keeps it for training and re-routes to the queue that takes it', async () => {
    const ana = await kit.agent(admin, [orders.id]);
    const bea = await kit.agent(admin, [billing.id]);
    const id = await kit.customer('5511977300001', 'where is my order 45120? been waiting a week');
    await eventually(async () => (await conversationOf(id)).assigneeId?.toHexString() === ana.id, 'ana to get it');
    expect((await conversationOf(id)).intent).toBe('order_status');

    const res = await server.api<ConversationDTO>(ana.token, 'PUT', `/api/conversations/${id}/intent`, {
      intent: 'payment_issue',
    });
    expect(res.status).toBe(200);
    expect(res.body.intent).toBe('payment_issue');
    expect(res.body.triage.correction).toMatchObject({ from: 'order_status', to: 'payment_issue', byUserId: ana.id });
    expect(Date.now() - Date.parse(res.body.triage.correction!.at)).toBeLessThan(60_000);

    await eventually(async () => (await conversationOf(id)).assigneeId?.toHexString() === bea.id, 'bea to get it');
    expect((await conversationOf(id)).queueId?.toHexString()).toBe(billing.id);
    const history = await kit.timeline(admin, id);
    const corrected = history.findIndex((t) => t.kind === 'intent-corrected');
    expect(history[corrected]).toMatchObject({
      summary: expect.stringMatching(/^Intent corrected by .+: order_status → payment_issue$/),
      actorId: ana.id,
    });
    expect(history.slice(corrected).map((t) => t.summary)).toContain(
      'Re-routed to the Billing queue: the intent is now payment_issue',
    );
    // The correction was made before the conversation reached Bea: she sees it in its history, and Ana live.
    expect((await kit.timeline(bea.token, id)).some((t) => t.kind === 'intent-corrected')).toBe(true);
    await eventually(
      async () => timelineOf(ana.pushes, id).some((t) => t.kind === 'intent-corrected'),
      'the agent who corrected it to see the correction live',
    );

    const stored = await server.app.models.IntentCorrection.find({ conversationId: id });
    expect(stored.map((c) => ({ text: c.text, from: c.from, to: c.to, language: c.language }))).toEqual([
      {
        text: 'where is my order 45120? been waiting a week',
        from: 'order_status',
        to: 'payment_issue',
        language: 'en',
      },
    ]);
    // What `pnpm triage:train --corrections` writes into the corpus for the next training.
    expect(correctionLines(await readCorrections(server.app.models), new Set()).lines).toEqual([
      { text: 'where is my order 45120? been waiting a week', lang: 'en', intent: 'payment_issue' },
    ]);
  }, 120_000);

  it('leaves a conversation where it is when its queue also takes the new intent, and the same intent changes nothing', async () => {
    const ana = await kit.agent(admin, [orders.id]);
    const id = await kit.customer('5511977300002', 'has my order shipped yet?');
    await eventually(async () => (await conversationOf(id)).assigneeId?.toHexString() === ana.id, 'ana to get it');
    await server.api(ana.token, 'PUT', `/api/conversations/${id}/intent`, { intent: 'delivery_problem' });
    const again = await server.api<ConversationDTO>(ana.token, 'PUT', `/api/conversations/${id}/intent`, {
      intent: 'delivery_problem',
    });
    expect(again.body.assigneeId).toBe(ana.id);
    expect(again.body.queueId).toBe(orders.id);
    const history = await kit.timeline(admin, id);
    expect(history.filter((t) => t.kind === 'intent-corrected')).toHaveLength(1);
    expect(history.some((t) => t.summary.startsWith('Re-routed'))).toBe(false);
  });

  it('refuses an intent that is not a label, naming the field, and a conversation the agent cannot see', async () => {
    const ana = await kit.agent(admin, [orders.id]);
    const id = await kit.customer('5511977300003', 'my card was declined twice');
    const bad = await server.api(admin, 'PUT', `/api/conversations/${id}/intent`, { intent: 'where_is_it' });
    expect(bad.status).toBe(400);
    expect(kit.issuesOf(bad.body).map((i) => i.path)).toEqual(['body.intent']);
    const hidden = await server.api(ana.token, 'PUT', `/api/conversations/${id}/intent`, { intent: 'complaint' });
    expect(hidden.status).toBe(404);
    expect((await conversationOf(id)).intentCorrection).toBeNull();
  });

  it('shows the entities triage read in the customer message, and uses them in the priority rules', async () => {
    const id = await kit.customer(
      '5511977300004',
      'quero o reembolso do pedido 88123, paguei R$ 1.349,90 e mandei a nota fiscal',
    );
    const res = await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${id}`);
    expect(res.body.triage.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'order_number', value: '88123' }),
        expect.objectContaining({ kind: 'amount', value: 1349.9, currency: 'BRL' }),
        expect.objectContaining({ kind: 'document_kind', value: 'invoice' }),
      ]),
    );
    expect(res.body.intent).toBe('refund_request');
    expect(res.body.priority).toBe('high');
    const history = await kit.timeline(admin, id);
    expect(history.find((t) => t.kind === 'prioritized')?.summary).toMatch(/Refund of 500 or more/);
  });
});
