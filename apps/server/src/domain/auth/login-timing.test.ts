import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcryptjs';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The password hashes a failed login checked, as bcrypt saw them (the work that makes a login slow). */
async function hashesCheckedBy(email: string): Promise<string[]> {
  const compare = vi.spyOn(bcrypt, 'compare');
  try {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'not-the-password-1' }),
    });
    expect(res.status).toBe(401);
    return compare.mock.calls.map(([, hash]) => String(hash));
  } finally {
    compare.mockRestore();
  }
}

describe('login does not tell whether an email has an account', () => {
  it('an unknown email, a deactivated user and a wrong password each verify one hash of the same cost', async () => {
    const admin = await server.login();
    const agent = await server.userWith('agent');
    const email = (await server.app.models.User.findById(agent.id).orFail()).email;
    const deactivated = await server.userWith('agent');
    await server.api(admin, 'PATCH', `/api/users/${deactivated.id}`, { active: false });
    const deactivatedEmail = (await server.app.models.User.findById(deactivated.id).orFail()).email;

    const known = await hashesCheckedBy(email);
    const unknown = await hashesCheckedBy('nobody-here@test.local');
    const inactive = await hashesCheckedBy(deactivatedEmail);
    for (const checked of [known, unknown, inactive]) {
      expect(checked).toHaveLength(1);
      expect(bcrypt.getRounds(checked[0]!)).toBe(bcrypt.getRounds(known[0]!));
    }
  });
});
