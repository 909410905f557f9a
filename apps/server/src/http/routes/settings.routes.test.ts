import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEntryDTO,
  ChannelDTO,
  CreateBotResponse,
  ErrorBody,
  Page,
  PolicyPreviewDTO,
  PriorityRulesDTO,
} from '@switchboard/shared';
import { QueueDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

type Fail = { error: ErrorBody };

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

const auditOf = async (entityId: string) =>
  (await server.api<Page<AuditEntryDTO>>(admin, 'GET', `/api/audit?entityId=${entityId}`)).body.items;
const pathsOf = (body: Fail) => body.error.issues?.map((i) => i.path) ?? [];
const TOKEN = 'EAAG-secret-token-of-meta-1234567890';

describe('the audit log of settings', () => {
  it('records who changed a user and a channel, before and after, and never the token', async () => {
    const created = await server.api<{ id: string }>(admin, 'POST', '/api/users', {
      email: 'ana.audit@test.local',
      name: 'Ana',
      role: 'agent',
      password: 'password-1234',
    });
    expect(created.status).toBe(201);
    await server.api(admin, 'PATCH', `/api/users/${created.body.id}`, { name: 'Ana Lima' });
    const [renamed, made] = await auditOf(created.body.id);
    expect(made).toMatchObject({ action: 'user.created', actor: { role: 'admin' }, before: null });
    expect(renamed).toMatchObject({
      action: 'user.updated',
      changes: ['name'],
      before: { name: 'Ana' },
      after: { name: 'Ana Lima' },
    });
    expect(JSON.stringify(made)).not.toContain('password-1234');

    const channel = await server.api<ChannelDTO>(admin, 'POST', '/api/channels', {
      phoneNumberId: '5550001111',
      name: 'Audit line',
      accessToken: TOKEN,
    });
    expect(channel.status).toBe(201);
    expect(channel.body.hasAccessToken).toBe(true);
    expect(JSON.stringify(channel.body)).not.toContain(TOKEN);
    const listed = await server.api<{ items: ChannelDTO[] }>(admin, 'GET', '/api/channels');
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
    const entries = await auditOf(channel.body.id);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });

  it('filters by entity type and exports the same entries as CSV', async () => {
    const page = await server.api<Page<AuditEntryDTO>>(admin, 'GET', '/api/audit?entityType=user');
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((e) => e.entity.type === 'user')).toBe(true);
    const csv = await fetch(`${server.url}/api/audit/export?entityType=user`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await csv.text()) as string[][];
    expect(rows[0]).toContain('actor');
    expect(rows.slice(1).map((row) => row[3])).toEqual(page.body.items.map((e) => e.action));
  });

  it('is for admins only', async () => {
    const supervisor = await server.userWith('supervisor');
    expect((await server.api(supervisor.token, 'GET', '/api/audit')).status).toBe(403);
  });
});

describe('what a supervisor may change', () => {
  it('changes a queue’s hours and reply, but not its name, and creates no users', async () => {
    const queue = await server.api<QueueDTO>(admin, 'POST', '/api/queues', {
      name: 'Returns',
      intents: ['returns'],
      languages: ['es'],
    });
    expect(queue.status).toBe(201);
    const supervisor = await server.userWith('supervisor');
    const hours = await server.api<QueueDTO>(supervisor.token, 'PATCH', `/api/queues/${queue.body.id}`, {
      maxPerAgent: 3,
    });
    expect(hours.status).toBe(200);
    // A change of one field leaves the others as they were.
    expect(hours.body).toMatchObject({ maxPerAgent: 3, intents: ['returns'], languages: ['es'] });
    const renamed = await server.api<Fail>(supervisor.token, 'PATCH', `/api/queues/${queue.body.id}`, {
      name: 'Refunds',
    });
    expect(renamed.status).toBe(403);
    expect(pathsOf(renamed.body)).toEqual(['body.name']);
    const user = await server.api(supervisor.token, 'POST', '/api/users', {
      email: 'sneaky@test.local',
      name: 'Sneaky',
      role: 'admin',
      password: 'password-1234',
    });
    expect(user.status).toBe(403);
  });
});

describe('queues read back as written', () => {
  it('a reply turned off with no text yet is answered in the shape the API documents', async () => {
    const created = await server.api<QueueDTO>(admin, 'POST', '/api/queues', {
      name: 'Night desk',
      outOfHours: { enabled: false, messages: {} },
    });
    expect(created.status).toBe(201);
    const listed = await server.api<{ items: { queue: unknown }[] }>(admin, 'GET', '/api/queues');
    const night = listed.body.items.map((i) => QueueDTO.parse(i.queue)).find((q) => q.id === created.body.id);
    expect(night?.outOfHours).toEqual({ enabled: false, messages: {} });
  });
});

describe('priority rules in settings', () => {
  it('names the field at fault, saves a valid change, refuses a stale one, and previews a draft', async () => {
    const current = (await server.api<PriorityRulesDTO>(admin, 'GET', '/api/settings/priority-rules')).body;
    const bad = await server.api<Fail>(admin, 'PUT', '/api/settings/priority-rules', {
      version: current.version,
      rules: [{ id: 'vip', description: 'VIPs first', when: { contact: { tier: 'vip' } }, then: { raise: 9 } }],
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body).some((p) => p.startsWith('body.rules.0.then'))).toBe(true);

    const rules = [
      {
        id: 'refund-words',
        description: 'Refunds go first',
        when: { keywordsAny: ['refund'] },
        then: { set: 'urgent' },
      },
    ];
    const preview = await server.api<PolicyPreviewDTO>(admin, 'POST', '/api/settings/policy-preview', {
      sample: { text: 'I want a refund now' },
      priorityRules: { rules },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.priority).toBe('urgent');
    expect(preview.body.matchedRules.map((r) => r.id)).toEqual(['refund-words']);

    const saved = await server.api<PriorityRulesDTO>(admin, 'PUT', '/api/settings/priority-rules', {
      version: current.version,
      rules,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    const stale = await server.api(admin, 'PUT', '/api/settings/priority-rules', { version: current.version, rules });
    expect(stale.status).toBe(409);
    expect((await auditOf('priority-rules'))[0]).toMatchObject({ action: 'priority-rules.updated' });
  });
});

describe('bot keys', () => {
  it('shows a key once; rotating it makes the old key stop working', async () => {
    const created = await server.api<CreateBotResponse>(admin, 'POST', '/api/bots', { name: 'Helper' });
    const oldKey = created.body.apiKey;
    const handoff = (key: string) =>
      fetch(`${server.url}/api/bot/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: '{}',
      });
    expect((await handoff(oldKey)).status).toBe(400);
    const list = await server.api(admin, 'GET', '/api/bots');
    expect(JSON.stringify(list.body)).not.toContain(oldKey);
    const rotated = await server.api<CreateBotResponse>(admin, 'POST', `/api/bots/${created.body.bot.id}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.apiKey).not.toBe(oldKey);
    expect((await handoff(oldKey)).status).toBe(401);
    expect((await handoff(rotated.body.apiKey)).status).toBe(400);
  });
});
