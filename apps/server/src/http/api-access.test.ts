import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ChannelDTO, ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { ADMIN, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let admin: string;
let channelId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  channelId = (
    await server.api<ChannelDTO>(admin, 'POST', '/api/channels', { phoneNumberId: '100000000000021', name: 'Support' })
  ).body.id;
});
afterAll(() => server.close());

describe('authentication', () => {
  it('every /api route needs a token', async () => {
    for (const path of ['/api/conversations', '/api/channels', '/api/users', '/api/me']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a tampered token is refused', async () => {
    const [header, payload, signature] = admin.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '0'.repeat(24) }),
    ).toString('base64url');
    expect((await server.api(`${header}.${forged}.${signature}`, 'GET', '/api/me')).status).toBe(401);
  });

  it('a wrong password is refused without saying which part was wrong', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'wrong' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'wrong email or password' } });
  });

  it('a deactivated user loses access at once, token or not', async () => {
    const agent = await server.userWith('agent');
    expect((await server.api(agent.token, 'GET', '/api/me')).status).toBe(200);
    await server.api(admin, 'PATCH', `/api/users/${agent.id}`, { active: false });
    expect((await server.api(agent.token, 'GET', '/api/me')).status).toBe(401);
  });
});

describe('roles and visibility', () => {
  it('only admins manage users and channels; supervisors read the team, agents do not', async () => {
    const supervisor = await server.userWith('supervisor');
    const agent = await server.userWith('agent');
    expect((await server.api(supervisor.token, 'GET', '/api/users')).status).toBe(200);
    expect((await server.api(agent.token, 'GET', '/api/users')).status).toBe(403);
    const user = { email: 'new@test.local', name: 'New', role: 'agent', password: 'password-1234' };
    expect((await server.api(supervisor.token, 'POST', '/api/users', user)).status).toBe(403);
    expect(
      (await server.api(supervisor.token, 'POST', '/api/channels', { phoneNumberId: '100000000000029', name: 'x' }))
        .status,
    ).toBe(403);
  });

  it('bad input is refused naming the field', async () => {
    const res = await server.api<{ error: { issues: { path: string }[] } }>(admin, 'POST', '/api/users', {
      email: 'not-an-email',
      name: '',
      role: 'boss',
      password: 'short',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual([
      'body.email',
      'body.name',
      'body.password',
      'body.role',
    ]);
    const query = await server.api<{ error: { issues: { path: string }[] } }>(
      admin,
      'GET',
      '/api/conversations?status=everything&limit=0',
    );
    expect(query.status).toBe(400);
    expect(query.body.error.issues.map((i) => i.path).sort()).toEqual(['query.limit', 'query.status']);
  });

  it('NoSQL operators in a query string are refused, not executed', async () => {
    const res = await server.api(admin, 'GET', '/api/conversations?status[$ne]=open');
    expect(res.status).toBe(400);
  });

  it('an agent sees only their channels; another channel’s conversation does not exist for them', async () => {
    await server.deliver(
      envelope({ phoneNumberId: '100000000000021', messages: [inbound.text({ from: '5511944440001', body: 'mine' })] }),
    );
    await server.deliver(
      envelope({
        phoneNumberId: '100000000000022',
        messages: [inbound.text({ from: '5511944440002', body: 'not mine' })],
      }),
    );
    const agent = await server.userWith('agent', [channelId]);
    const list = await server.api<Page<ConversationDTO>>(agent.token, 'GET', '/api/conversations');
    expect(list.body.items.map((c) => c.channelId)).toEqual([channelId]);
    const all = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations');
    const other = all.body.items.find((c) => c.channelId !== channelId)!;
    expect((await server.api(agent.token, 'GET', `/api/conversations/${other.id}`)).status).toBe(404);
    expect((await server.api(agent.token, 'GET', `/api/conversations/${other.id}/messages`)).status).toBe(404);
    expect((await server.api(agent.token, 'GET', `/api/conversations?channelId=${other.channelId}`)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});

describe('pagination', () => {
  it('conversations page newest first, and messages page oldest to newest, with no item lost or repeated', async () => {
    const waId = '5511944440010';
    const base = Math.floor(Date.now() / 1000) - 1000;
    const messages = Array.from({ length: 7 }, (_, i) =>
      inbound.text({ from: waId, body: `m${i}`, timestamp: base + i }),
    );
    await server.deliver(envelope({ phoneNumberId: '100000000000021', messages: [...messages].reverse() }));
    const conversation = (
      await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200')
    ).body.items.find((c) => c.contact.waId === waId)!;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<MessageDTO> } = await server.api<Page<MessageDTO>>(
        admin,
        'GET',
        `/api/conversations/${conversation.id}/messages?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((m) => (m.content.type === 'text' ? m.content.body : '?')));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);

    for (let i = 0; i < 4; i++)
      await server.deliver(envelope({ messages: [inbound.text({ from: `55119444401${i}0`, body: 'x' })] }));
    const ids: string[] = [];
    const times: string[] = [];
    cursor = null;
    do {
      const page: { body: Page<ConversationDTO> } = await server.api<Page<ConversationDTO>>(
        admin,
        'GET',
        `/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.body.items.map((c) => c.id));
      times.push(...page.body.items.map((c) => c.lastMessageAt!));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await server.app.models.Conversation.countDocuments());
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a forged cursor is refused with 400', async () => {
    expect((await server.api(admin, 'GET', '/api/conversations?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });
});

describe('health and the API description', () => {
  it('healthz, readyz and openapi.json answer', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'up' });
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/conversations', '/api/conversations/{id}/messages', '/api/auth/login']),
    );
  });
});
