import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorResponse, LoginResponse, UserDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("PATCH /api/me: the user's own interface language", () => {
  it('is null until chosen, then saved and returned on every later sign-in', async () => {
    const agent = await server.userWith('agent');
    expect((await server.api<UserDTO>(agent.token, 'GET', '/api/me')).body.locale).toBeNull();

    const saved = await server.api<UserDTO>(agent.token, 'PATCH', '/api/me', { locale: 'es' });
    expect(saved).toMatchObject({ status: 200, body: { id: agent.id, locale: 'es' } });

    // Another machine signs in afresh: the choice comes with the user.
    const me = await server.api<UserDTO>(agent.token, 'GET', '/api/me');
    expect(me.body.locale).toBe('es');
    const { email } = me.body;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'password-1234' }),
    });
    expect(((await login.json()) as LoginResponse).user.locale).toBe('es');
  });

  it('refuses a language the inbox does not speak, naming the field, and keeps the old choice', async () => {
    const agent = await server.userWith('agent');
    await server.api(agent.token, 'PATCH', '/api/me', { locale: 'pt' });
    const refused = await server.api<ApiErrorResponse>(agent.token, 'PATCH', '/api/me', { locale: 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(refused.body.error)).toContain('locale');
    expect((await server.api<UserDTO>(agent.token, 'GET', '/api/me')).body.locale).toBe('pt');
  });

  it('changes only the caller: no role or other field rides along', async () => {
    const agent = await server.userWith('agent');
    const refused = await server.api<ApiErrorResponse>(agent.token, 'PATCH', '/api/me', {
      locale: 'es',
      role: 'admin',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toContain('role');
    expect((await server.api<UserDTO>(agent.token, 'GET', '/api/me')).body).toMatchObject({
      role: 'agent',
      locale: null,
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/me']).toHaveProperty('patch');
  });
});
