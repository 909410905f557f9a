import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, TemplateDTO, TemplateVersionDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { keyedId } from '../../lib/keyed-id.js';

type Fail = { error: ErrorBody };

let server: TestServer;
let admin: string;
let adminId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  adminId = (await server.api<{ id: string }>(admin, 'GET', '/api/me')).body.id;
});
afterAll(() => server.close());

const shippingNotice = (name: string, language = 'en_US') => ({
  name,
  language,
  category: 'utility',
  body: 'Hi {{1}}, your order {{2}} ships on {{3}}.',
  parameters: [
    { name: '1', type: 'text', example: 'Maria' },
    { name: '2', type: 'text', example: 'ORD-1' },
    { name: '3', type: 'date_time', example: '2025-03-14' },
  ],
});

const create = (body: unknown) => server.api<TemplateDTO & Fail>(admin, 'POST', '/api/templates', body);
const messagesOf = (body: Fail) => body.error.issues?.map((i) => i.message) ?? [];

describe('managing templates', () => {
  it('an admin creates, edits and approves a template; the history keeps every version with who and what', async () => {
    const created = await create(shippingNotice('shipping_notice'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'shipping_notice',
      language: 'en_US',
      status: 'pending',
      version: 1,
      parameterFormat: 'positional',
    });

    const approved = await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${created.body.id}`, {
      version: 1,
      status: 'approved',
    });
    expect(approved.body).toMatchObject({ status: 'approved', version: 2 });

    const edited = await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${created.body.id}`, {
      version: 2,
      body: 'Hi {{1}}, your order {{2}} is on its way and arrives on {{3}}.',
      footer: 'Acme Store',
    });
    // Meta reviews an edited template again, so the edit takes it out of approval until someone says otherwise.
    expect(edited.body).toMatchObject({ version: 3, status: 'pending', footer: 'Acme Store' });

    const history = await server.api<{ items: TemplateVersionDTO[] }>(
      admin,
      'GET',
      `/api/templates/${created.body.id}/history`,
    );
    expect(history.body.items.map((v) => [v.version, v.change, v.changedFields, v.changedBy])).toEqual([
      [1, 'created', [], { id: adminId, name: 'Administrator' }],
      [2, 'status-changed', ['status'], { id: adminId, name: 'Administrator' }],
      [3, 'edited', ['body', 'footer', 'status'], { id: adminId, name: 'Administrator' }],
    ]);
    expect(history.body.items.map((v) => v.snapshot.body)).toEqual([
      'Hi {{1}}, your order {{2}} ships on {{3}}.',
      'Hi {{1}}, your order {{2}} ships on {{3}}.',
      'Hi {{1}}, your order {{2}} is on its way and arrives on {{3}}.',
    ]);
  });

  it('a rejected template carries Meta’s reason, and loses it once approved', async () => {
    const { body: t } = await create(shippingNotice('rejection_demo'));
    const noReason = await server.api<Fail>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 1,
      status: 'rejected',
    });
    expect(noReason.status).toBe(400);
    expect(messagesOf(noReason.body)).toEqual(['a rejected template needs the reason Meta gave']);
    const rejected = await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 1,
      status: 'rejected',
      rejectionReason: 'INVALID_FORMAT',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'INVALID_FORMAT', version: 2 });
    const approved = await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 2,
      status: 'approved',
    });
    expect(approved.body).toMatchObject({ status: 'approved', rejectionReason: null, version: 3 });
  });

  it('an update that changes nothing makes no new version', async () => {
    const { body: t } = await create(shippingNotice('no_op_demo'));
    const same = await server.api<TemplateDTO>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 1,
      body: t.body,
      category: 'utility',
    });
    expect(same.body.version).toBe(1);
    expect(
      (await server.api<{ items: unknown[] }>(admin, 'GET', `/api/templates/${t.id}/history`)).body.items,
    ).toHaveLength(1);
  });

  it('a name can exist once per language', async () => {
    expect((await create(shippingNotice('welcome_back'))).status).toBe(201);
    const again = await create({ ...shippingNotice('welcome_back'), body: 'Welcome back {{1}}, {{2}} {{3}}.' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'CONFLICT',
      message: 'a template named welcome_back in en_US exists already',
    });
    expect((await create(shippingNotice('welcome_back', 'pt_BR'))).status).toBe(201);
  });

  it('agents list and read templates but cannot create or edit them', async () => {
    const { body: t } = await create(shippingNotice('agent_visible'));
    const agent = await server.userWith('agent');
    const list = await server.api<{ items: TemplateDTO[] }>(agent.token, 'GET', '/api/templates?name=agent_visible');
    expect(list.body.items.map((i) => i.id)).toEqual([t.id]);
    expect((await server.api(agent.token, 'GET', `/api/templates/${t.id}/history`)).status).toBe(200);
    expect((await server.api(agent.token, 'POST', '/api/templates', shippingNotice('agent_made'))).status).toBe(403);
    expect(
      (await server.api(agent.token, 'PATCH', `/api/templates/${t.id}`, { version: 1, status: 'approved' })).status,
    ).toBe(403);
    expect((await server.api<TemplateDTO>(admin, 'GET', `/api/templates/${t.id}`)).body.status).toBe('pending');
  });

  it('the list filters by status and language and refuses unknown query keys', async () => {
    await create({ ...shippingNotice('filter_demo', 'es'), status: 'approved' });
    await create(shippingNotice('filter_demo', 'pt_BR'));
    const approvedEs = await server.api<{ items: TemplateDTO[] }>(
      admin,
      'GET',
      '/api/templates?name=filter_demo&status=approved&language=es',
    );
    expect(approvedEs.body.items.map((t) => `${t.language}:${t.status}`)).toEqual(['es:approved']);
    const bad = await server.api<Fail>(admin, 'GET', '/api/templates?status[$ne]=approved');
    expect(bad.status).toBe(400);
    expect((await server.api(admin, 'GET', '/api/templates?sort=name')).status).toBe(400);
  });
});

describe('placeholders must match the declared parameters', () => {
  it('refuses a gap in positional placeholders and says which one is missing', async () => {
    const res = await create({
      ...shippingNotice('gap_demo'),
      body: 'Hi {{1}}, order {{3}}.',
      parameters: shippingNotice('x').parameters,
    });
    expect(res.status).toBe(400);
    expect(messagesOf(res.body)).toContain(
      '{{2}} is missing: positional placeholders run from {{1}} to {{3}} without gaps',
    );
  });

  it('refuses placeholders without parameters and parameters without placeholders', async () => {
    const tooFew = await create({
      ...shippingNotice('count_demo'),
      parameters: shippingNotice('x').parameters.slice(0, 2),
    });
    expect(messagesOf(tooFew.body)).toEqual(['the body uses {{3}} but parameter 3 is not declared']);
    const named = await create({
      name: 'named_demo',
      language: 'en_US',
      category: 'utility',
      parameterFormat: 'named',
      body: 'Hi {{customer_name}}, your order {{order_id}} shipped.',
      parameters: [
        { name: 'customer_name', type: 'text', example: 'Maria' },
        { name: 'tracking_url', type: 'text', example: 'https://t.example/1' },
      ],
    });
    expect(named.status).toBe(400);
    expect(messagesOf(named.body).sort()).toEqual([
      'the body uses {{order_id}} but no parameter order_id is declared',
      'tracking_url is declared but the body never uses {{tracking_url}}',
    ]);
  });

  it('refuses a named placeholder Meta would not accept, a positional one in a named template, and a bad example', async () => {
    const res = await create({
      name: 'named_rules',
      language: 'en_US',
      category: 'utility',
      parameterFormat: 'named',
      body: 'Hi {{Customer}}, you owe {{1}} by {{due_date}}.',
      parameters: [{ name: 'due_date', type: 'date_time', example: 'next Tuesday' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'body.parameters.0.example',
          message: 'must be an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z',
        },
      ]),
    );
    const fixedExample = await create({
      name: 'named_rules',
      language: 'en_US',
      category: 'utility',
      parameterFormat: 'named',
      body: 'Hi {{Customer}}, you owe {{1}} by {{due_date}}.',
      parameters: [{ name: 'due_date', type: 'date_time', example: '2025-03-31' }],
    });
    expect(messagesOf(fixedExample.body).sort()).toEqual([
      '{{1}} is not a named placeholder: use lowercase letters, digits and underscores, starting with a letter',
      '{{Customer}} is not a named placeholder: use lowercase letters, digits and underscores, starting with a letter',
    ]);
  });

  it('an edit that would break the placeholders is refused and makes no version', async () => {
    const { body: t } = await create(shippingNotice('edit_check'));
    const res = await server.api<Fail>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 1,
      body: 'Hi {{1}}, your order {{2}} shipped.',
    });
    expect(res.status).toBe(400);
    expect(messagesOf(res.body)).toEqual(['parameter 3 is declared but the body never uses {{3}}']);
    expect((await server.api<TemplateDTO>(admin, 'GET', `/api/templates/${t.id}`)).body.version).toBe(1);
  });
});

describe('concurrent edits', () => {
  it('two edits of the same version: one wins, the other is told to reload', async () => {
    const { body: t } = await create(shippingNotice('race_demo'));
    const [a, b] = await Promise.all([
      server.api<TemplateDTO & Fail>(admin, 'PATCH', `/api/templates/${t.id}`, { version: 1, footer: 'Edit A' }),
      server.api<TemplateDTO & Fail>(admin, 'PATCH', `/api/templates/${t.id}`, { version: 1, footer: 'Edit B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error).toEqual({ code: 'CONFLICT', message: 'the template changed meanwhile; reload it' });
    const now = await server.api<TemplateDTO>(admin, 'GET', `/api/templates/${t.id}`);
    expect(now.body).toMatchObject({ version: 2, footer: winner.body.footer });
    const history = await server.api<{ items: TemplateVersionDTO[] }>(admin, 'GET', `/api/templates/${t.id}/history`);
    expect(history.body.items.map((v) => v.snapshot.footer)).toEqual([null, winner.body.footer]);
  });

  it('an edit stored by a writer that stopped before finishing is completed, not lost, by the next writer', async () => {
    const { body: t } = await create(shippingNotice('crash_demo'));
    const [v1] = await server.app.services.templates.history(t.id);
    // What a process that crashed between its two writes leaves behind: version 2 stored, the template still at 1.
    await server.app.models.TemplateVersion.create({
      _id: keyedId('template-version', `${t.id}:2`),
      templateId: t.id,
      version: 2,
      change: 'edited',
      changedFields: ['footer'],
      changedById: adminId,
      changedByName: 'Administrator',
      changedAt: new Date(),
      snapshot: { ...v1!.snapshot, footer: 'Saved before the crash' },
    });
    const late = await server.api<Fail>(admin, 'PATCH', `/api/templates/${t.id}`, {
      version: 1,
      footer: 'Another edit',
    });
    expect(late.status).toBe(409);
    expect((await server.api<TemplateDTO>(admin, 'GET', `/api/templates/${t.id}`)).body).toMatchObject({
      version: 2,
      footer: 'Saved before the crash',
    });
  });

  it('an edit based on an old version is refused even when nothing runs at the same time', async () => {
    const { body: t } = await create(shippingNotice('stale_demo'));
    await server.api(admin, 'PATCH', `/api/templates/${t.id}`, { version: 1, status: 'approved' });
    const stale = await server.api<Fail>(admin, 'PATCH', `/api/templates/${t.id}`, { version: 1, footer: 'late' });
    expect(stale.status).toBe(409);
  });
});

it('the templates API is described in openapi.json', async () => {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/templates', '/api/templates/{id}', '/api/templates/{id}/history']),
  );
});
