import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorResponse, ConversationDTO, QueueDTO } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { actionKit, seqsOf, timelineOf, updatesOf } from '@switchboard/test-support/action-kit';
import { sharedIntentClassifier } from '../triage/index.js';

let server: TestServer;
let kit: ReturnType<typeof actionKit>;
let admin: string;
let support: QueueDTO;
// Training the classifier is a one-off per process: done here, it does not count against the first test.
beforeAll(() => sharedIntentClassifier(), 120_000);
beforeEach(async () => {
  // A customer writing after a resolution always starts a new conversation here.
  server = await startTestServer({ ROUTING_INTERVAL_MS: '200', CONVERSATION_REOPEN_MINUTES: '0' });
  kit = actionKit(server);
  admin = await server.login();
  support = await kit.queue(admin, { name: 'Support', fallback: true });
});
afterEach(() => server.close());

describe('labels', () => {
  it('are set trimmed, unique and sorted, pushed live with one timeline entry naming who changed them', async () => {
    const ana = await kit.agent(admin, [support.id]);
    const id = await kit.customer('5511977200001');
    const res = await server.api<ConversationDTO>(ana.token, 'PUT', `/api/conversations/${id}/labels`, {
      labels: [' vip', 'refund', 'vip ', 'Late delivery'],
    });
    expect(res.status).toBe(200);
    expect(res.body.labels).toEqual(['Late delivery', 'refund', 'vip']);
    await eventually(async () => updatesOf(ana.pushes, id).at(-1)?.labels.length === 3, 'the labels to be pushed');
    expect(timelineOf(ana.pushes, id).at(-1)).toEqual({
      kind: 'labels-changed',
      summary: 'Labels changed by Test agent: +Late delivery, +refund, +vip',
      summaryPhrase: {
        code: 'timeline.labels-changed',
        params: { actor: 'Test agent', changes: '+Late delivery, +refund, +vip' },
      },
      details: { labels: ['Late delivery', 'refund', 'vip'], added: ['Late delivery', 'refund', 'vip'], removed: [] },
      actorId: ana.id,
    });

    await server.api(ana.token, 'PUT', `/api/conversations/${id}/labels`, {
      labels: ['vip', 'refund', 'Late delivery'],
    });
    const changed = await server.api<ConversationDTO>(ana.token, 'PUT', `/api/conversations/${id}/labels`, {
      labels: ['vip', 'callback'],
    });
    expect(changed.body.labels).toEqual(['callback', 'vip']);
    const entries = (await kit.timeline(ana.token, id)).filter((t) => t.kind === 'labels-changed');
    expect(entries.map((t) => t.summary)).toEqual([
      'Labels changed by Test agent: +Late delivery, +refund, +vip',
      'Labels changed by Test agent: +callback, -Late delivery, -refund',
    ]);
    const seqs = seqsOf(ana.pushes, id).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
  });

  it('refuses an empty label, a malformed one and unknown fields, naming the field', async () => {
    const id = await kit.customer('5511977200002');
    const empty = await server.api(admin, 'PUT', `/api/conversations/${id}/labels`, { labels: ['ok', '   '] });
    expect(empty.status).toBe(400);
    expect(kit.issuesOf(empty.body)).toContainEqual({ path: 'body.labels.1', message: 'a label cannot be empty' });
    expect(kit.issuesOf(empty.body).every((i) => i.path === 'body.labels.1')).toBe(true);
    const odd = await server.api(admin, 'PUT', `/api/conversations/${id}/labels`, { labels: ['<script>'] });
    expect(kit.issuesOf(odd.body).map((i) => i.path)).toEqual(['body.labels.0']);
    const extra = await server.api<ApiErrorResponse>(admin, 'PUT', `/api/conversations/${id}/labels`, {
      labels: [],
      color: 'red',
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body.error.issues)).toContain('color');
    expect((await server.app.models.Conversation.findById(id).orFail()).labels).toEqual([]);
  });
});

describe('escalate', () => {
  it('makes it urgent and tells supervisors live, with the reason and who escalated', async () => {
    const ana = await kit.agent(admin, [support.id]);
    const boss = await kit.supervisor();
    const id = await kit.customer('5511977200003');
    expect((await server.app.models.Conversation.findById(id).orFail()).priority).toBe('low');
    const noReason = await server.api(ana.token, 'POST', `/api/conversations/${id}/escalate`, { reason: ' ' });
    expect(kit.issuesOf(noReason.body)).toEqual([{ path: 'body.reason', message: 'say why it needs a supervisor' }]);

    const res = await server.api<ConversationDTO>(ana.token, 'POST', `/api/conversations/${id}/escalate`, {
      reason: 'threatens to sue',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ priority: 'urgent', assigneeId: ana.id });
    expect(res.body.escalatedAt).not.toBeNull();
    await eventually(
      async () => updatesOf(boss.pushes, id).some((c) => c.escalatedAt !== null),
      'the supervisor to be pushed the escalation',
    );
    expect(timelineOf(boss.pushes, id).find((t) => t.kind === 'escalated')).toEqual({
      kind: 'escalated',
      summary: 'Escalated by Test agent: threatens to sue',
      summaryPhrase: { code: 'timeline.escalated', params: { actor: 'Test agent', reason: 'threatens to sue' } },
      details: { reason: 'threatens to sue', priorityBefore: 'low', priority: 'urgent' },
      actorId: ana.id,
    });
  });

  it("stays urgent when the customer's next message is triaged again (priority only goes up)", async () => {
    await kit.queue(admin, { name: 'Payments', intents: ['payment_issue'] });
    const id = await kit.customer('5511977200008', 'hola');
    expect((await server.app.models.Conversation.findById(id).orFail()).routingState).toBe('waiting');
    await server.api(admin, 'POST', `/api/conversations/${id}/escalate`, { reason: 'called three times' });
    await kit.customer('5511977200008', 'mi pago con tarjeta fue rechazado dos veces');
    expect(await server.app.models.Conversation.findById(id).orFail()).toMatchObject({
      intent: 'payment_issue',
      priority: 'urgent',
    });
  });
});

describe('reopen', () => {
  it(
    'an agent with capacity who reopens keeps it; a supervisor who reopens has it routed',
    { timeout: 60_000 },
    async () => {
      const ana = await kit.agent(admin, [support.id], 2);
      const id = await kit.customer('5511977200004');
      expect((await server.api(ana.token, 'POST', `/api/conversations/${id}/reopen`)).status).toBe(409);
      await server.api(ana.token, 'POST', `/api/conversations/${id}/resolve`);
      const reopened = await server.api<ConversationDTO>(ana.token, 'POST', `/api/conversations/${id}/reopen`);
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({
        status: 'open',
        resolvedAt: null,
        assigneeId: ana.id,
        routingState: 'assigned',
      });
      await eventually(
        async () => timelineOf(ana.pushes, id).some((t) => t.kind === 'reopened'),
        'the reopening to be pushed',
      );
      expect(timelineOf(ana.pushes, id).find((t) => t.kind === 'reopened')).toMatchObject({
        summary: 'Reopened by Test agent, who keeps it (1/2 open)',
        actorId: ana.id,
      });

      await server.api(ana.token, 'POST', `/api/conversations/${id}/resolve`);
      const boss = await kit.supervisor();
      const routed = await server.api<ConversationDTO>(boss.token, 'POST', `/api/conversations/${id}/reopen`);
      expect(routed.body).toMatchObject({ status: 'open', assigneeId: ana.id });
      const kinds = (await kit.timeline(admin, id)).map((t) => t.kind);
      expect(kinds.slice(-3)).toEqual(['resolved', 'reopened', 'assigned']);
      expect(
        (await kit.timeline(admin, id)).filter((t) => t.kind === 'resolved').map((t) => [t.summary, t.actorId]),
      ).toEqual([
        ['Resolved by Test agent', ana.id],
        ['Resolved by Test agent', ana.id],
      ]);
      expect((await kit.timeline(admin, id)).at(-2)?.summary).toBe(
        'Reopened by Test supervisor; routed like a new conversation',
      );
    },
  );

  it('answers 409 naming the newer open conversation when the customer has one', async () => {
    const old = await kit.customer('5511977200005');
    await server.api(admin, 'POST', `/api/conversations/${old}/resolve`);
    const newer = await kit.customer('5511977200005', 'another problem');
    expect(newer).not.toBe(old);
    const res = await server.api<ApiErrorResponse>(admin, 'POST', `/api/conversations/${old}/reopen`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(newer);
    expect((await server.app.models.Conversation.findById(old).orFail()).status).toBe('resolved');
  });
});

describe('contact history', () => {
  it("lists the contact's conversations newest first, only those the caller may see", async () => {
    const first = await kit.customer('5511977200006');
    await server.api(admin, 'POST', `/api/conversations/${first}/resolve`);
    const second = await kit.customer('5511977200006', 'hello again');
    const contactId = (await server.app.models.Conversation.findById(first).orFail()).contactId.toHexString();
    const history = await server.api<{ items: ConversationDTO[] }>(
      admin,
      'GET',
      `/api/contacts/${contactId}/conversations`,
    );
    expect(history.status).toBe(200);
    expect(history.body.items.map((c) => [c.id, c.status])).toEqual([
      [second, 'open'],
      [first, 'resolved'],
    ]);

    const billing = await kit.queue(admin, { name: 'Billing' });
    const outsider = await kit.agent(admin, [billing.id]);
    // An agent outside the customer's queues cannot tell a real customer from one that does not exist.
    const hidden = await server.api(outsider.token, 'GET', `/api/contacts/${contactId}/conversations`);
    const missing = await server.api(outsider.token, 'GET', '/api/contacts/0123456789abcdef01234567/conversations');
    expect([hidden.status, hidden.body]).toEqual([404, missing.body]);
    expect((await server.api(admin, 'GET', '/api/contacts/0123456789abcdef01234567/conversations')).status).toBe(404);
  });
});

describe('visibility', () => {
  it('an agent of another queue gets 404 for every action on the conversation', async () => {
    const id = await kit.customer('5511977200007');
    const billing = await kit.queue(admin, { name: 'Billing' });
    const outsider = await kit.agent(admin, [billing.id]);
    const attempts: [string, string, unknown?][] = [
      ['PUT', 'labels', { labels: ['x'] }],
      ['POST', 'escalate', { reason: 'why not' }],
      ['POST', 'reopen'],
      ['POST', 'snooze', { until: new Date(Date.now() + 60_000).toISOString() }],
    ];
    for (const [method, action, body] of attempts) {
      expect({
        action,
        status: (await server.api(outsider.token, method, `/api/conversations/${id}/${action}`, body)).status,
      }).toEqual({ action, status: 404 });
    }
    expect(timelineOf(outsider.pushes, id)).toEqual([]);
  });
});

describe('the API description', () => {
  it('describes every action with its body, required, and its answers', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { required?: boolean }; responses: Record<string, unknown> }>
      >;
    };
    const described = (path: string, method: string) => doc.paths[path]?.[method];
    for (const [path, method] of [
      ['/api/conversations/{id}/labels', 'put'],
      ['/api/conversations/{id}/snooze', 'post'],
      ['/api/conversations/{id}/escalate', 'post'],
    ] as const) {
      expect({ path, required: described(path, method)?.requestBody?.required }).toEqual({ path, required: true });
      expect(Object.keys(described(path, method)!.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
    expect(Object.keys(described('/api/conversations/{id}/snooze', 'delete')!.responses)).toContain('200');
    expect(Object.keys(described('/api/conversations/{id}/reopen', 'post')!.responses)).toContain('409');
    expect(Object.keys(described('/api/contacts/{id}/conversations', 'get')!.responses)).toContain('200');
  });
});
