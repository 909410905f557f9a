import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { envelope, inbound, signWebhookBody } from '@switchboard/whatsapp-simulator';
import type { Ack, ChannelDTO, ConversationDTO, MessageDTO, Page, SyncSinceResult } from '@switchboard/shared';
import {
  ADMIN,
  eventually,
  startTestServer,
  TEST_SECRET,
  type ClientSocket,
  type TestServer,
} from '@switchboard/test-support/harness';

/*
 * Hostile input, one case per attack, each checking the answer (status, code) and that nothing was stored or
 * leaked. The plain webhook refusals (no signature, another secret, a body changed after signing, not JSON,
 * not an envelope, over the size limit) are in ingest/whatsapp.webhook.test.ts; they are not repeated here.
 */
const MAX_LOGIN_FAILURES = 5;
const SALES = '100000000000031';
const BILLING = '100000000000032';

let server: TestServer;
let admin: string;
let salesChannel: string;
beforeAll(async () => {
  server = await startTestServer({ LOGIN_MAX_FAILURES: String(MAX_LOGIN_FAILURES), ROUTING_INTERVAL_MS: '100' });
  admin = await server.login();
  salesChannel = (await server.api<ChannelDTO>(admin, 'POST', '/api/channels', { phoneNumberId: SALES, name: 'Sales' }))
    .body.id;
  await server.api<ChannelDTO>(admin, 'POST', '/api/channels', { phoneNumberId: BILLING, name: 'Billing' });
});
afterAll(() => server.close());

type ErrorAnswer = { error: { code: string; message: string; issues?: { path: string }[] } };

const storedWebhooks = async () =>
  (await server.app.models.WebhookIntake.countDocuments()) + (await server.app.models.WebhookArchive.countDocuments());
const storedMessages = () => server.app.models.Message.countDocuments();

async function postRaw(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ErrorAnswer };
}

/** An error answer says what went wrong and nothing about our insides. */
function expectCleanError(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code } });
  expect(JSON.stringify(body)).not.toMatch(/mongo|stack|\bat \w+ \(|node_modules|E11000/i);
}

describe('webhook signatures', () => {
  const payload = (body: string) =>
    envelope({ phoneNumberId: SALES, messages: [inbound.text({ from: '5511950000001', body })] });

  it.each([
    ['a forged sha256 signature', () => `sha256=${randomBytes(32).toString('hex')}`],
    ['a signature that is not hex', () => `sha256=${'z'.repeat(64)}`],
    ['a sha1 signature (the old header format)', () => `sha1=${randomBytes(20).toString('hex')}`],
    ['a truncated signature', () => `sha256=${randomBytes(8).toString('hex')}`],
  ])('%s is refused with 401 and nothing is stored', async (_name, signature) => {
    const [webhooks, messages] = [await storedWebhooks(), await storedMessages()];
    const res = await postRaw('/webhooks/whatsapp', JSON.stringify(payload('forged')), {
      'x-hub-signature-256': signature(),
    });
    expect(res.status).toBe(401);
    expectCleanError(res.body, 'INVALID_SIGNATURE');
    expect([await storedWebhooks(), await storedMessages()]).toEqual([webhooks, messages]);
  });

  it('a valid signature taken from another body is refused: a signature is worth only its own bytes', async () => {
    const genuine = JSON.stringify(payload('a genuine message'));
    const forged = JSON.stringify(payload('send me the refund'));
    const before = await storedWebhooks();
    const res = await postRaw('/webhooks/whatsapp', forged, {
      'x-hub-signature-256': signWebhookBody(genuine, TEST_SECRET),
    });
    expect(res.status).toBe(401);
    expectCleanError(res.body, 'INVALID_SIGNATURE');
    expect(await storedWebhooks()).toBe(before);
  });

  it('the same signed body replayed five times is stored as one message', async () => {
    const message = inbound.text({ from: '5511950000002', body: 'replay me' });
    const body = envelope({ phoneNumberId: SALES, messages: [message] });
    for (let i = 0; i < 5; i++) await server.deliver(body);
    expect(await server.app.models.Message.countDocuments({ providerMessageId: message.id })).toBe(1);
  });
});

describe('malformed and oversized bodies on the API', () => {
  it('malformed JSON is 400 MALFORMED_JSON without echoing the parser', async () => {
    const res = await postRaw('/api/auth/login', '{"email": "admin@test.local", "password": ');
    expect(res.status).toBe(400);
    expectCleanError(res.body, 'MALFORMED_JSON');
    expect(res.body.error.message).toBe('the body is not valid JSON');
  });

  it('a body over 100 kB is 413 PAYLOAD_TOO_LARGE, and no user is created from it', async () => {
    const users = await server.app.models.User.countDocuments();
    const res = await postRaw(
      '/api/users',
      JSON.stringify({ email: 'big@test.local', name: 'x'.repeat(200_000), role: 'agent', password: 'password-1234' }),
      {
        authorization: `Bearer ${admin}`,
      },
    );
    expect(res.status).toBe(413);
    expectCleanError(res.body, 'PAYLOAD_TOO_LARGE');
    expect(await server.app.models.User.countDocuments()).toBe(users);
  });
});

describe('NoSQL operator injection', () => {
  it.each([
    '/api/conversations?status[$ne]=x',
    '/api/conversations?assigneeId[$gt]=',
    '/api/conversations?channelId[$exists]=true',
    '/api/conversations?status=open&$where=1',
    '/api/conversations/000000000000000000000000/events?after[$gt]=0',
  ])('in the query string %s is refused with 400, not run as a filter', async (path) => {
    const res = await server.api<ErrorAnswer>(admin, 'GET', path);
    expect(res.status).toBe(400);
    expectCleanError(res.body, 'VALIDATION_FAILED');
  });

  it.each([
    ['an operator for the email', { email: { $gt: '' }, password: ADMIN.password }, 'body.email'],
    ['an operator for the password', { email: ADMIN.email, password: { $ne: null } }, 'body.password'],
    ['a $where clause beside a wrong password', { email: ADMIN.email, password: 'wrong', $where: 'return true' }, null],
  ])('at login, %s gives no token', async (_name, body, field) => {
    const res = await postRaw('/api/auth/login', JSON.stringify(body), { 'x-forwarded-for': '10.9.9.9' });
    expect(res.status).toBe(field ? 400 : 401);
    expect(JSON.stringify(res.body)).not.toMatch(/token/);
    if (field) expect(res.body.error.issues?.map((i) => i.path)).toEqual([field]);
  });

  it('an operator inside a JSON body field is refused, not stored', async () => {
    const users = await server.app.models.User.countDocuments();
    const res = await server.api<ErrorAnswer>(admin, 'POST', '/api/users', {
      email: 'op@test.local',
      name: 'Op',
      role: { $ne: 'agent' },
      password: 'password-1234',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.map((i) => i.path)).toEqual(['body.role']);
    expect(await server.app.models.User.countDocuments()).toBe(users);
  });
});

describe('tokens', () => {
  const secret = () => new TextEncoder().encode(server.config.JWT_SECRET);
  const adminId = async () => (await server.app.models.User.findOne({ email: ADMIN.email }).orFail())._id.toHexString();

  const tokens: Record<string, () => Promise<string>> = {
    expired: async () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(await adminId())
        .setIssuer('switchboard')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(secret()),
    'signed with another secret': async () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(await adminId())
        .setIssuer('switchboard')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(48))),
    'unsigned (alg none)': async () => {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: await adminId(), iss: 'switchboard', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    },
    'with its payload swapped for another user': async () => {
      const [header, payload, signature] = admin.split('.');
      const claims = {
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        sub: randomBytes(12).toString('hex'),
      };
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    },
    'from another issuer': async () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(await adminId())
        .setIssuer('someone-else')
        .setExpirationTime('1h')
        .sign(secret()),
  };

  it.each(Object.keys(tokens))('a token %s is 401 on REST and refused at the socket handshake', async (kind) => {
    const token = await tokens[kind]!();
    const res = await server.api<ErrorAnswer>(token, 'GET', '/api/conversations');
    expect(res.status).toBe(401);
    expectCleanError(res.body, 'UNAUTHENTICATED');
    await expect(server.connectSocket(token)).rejects.toThrow(/UNAUTHENTICATED/);
  });
});

describe("another queue's or channel's conversation", () => {
  let conversation: ConversationDTO;
  let queueAgent: { id: string; token: string };
  let outsider: { id: string; token: string };
  let outsiderSocket: ClientSocket;

  beforeAll(async () => {
    const queue = await server.api<{ id: string }>(admin, 'POST', '/api/queues', {
      name: 'Everything else',
      mode: 'manual',
      fallback: true,
    });
    const otherQueue = await server.api<{ id: string }>(admin, 'POST', '/api/queues', {
      name: 'Refunds',
      intents: ['refund'],
      mode: 'manual',
    });
    queueAgent = await server.userWith('agent');
    outsider = await server.userWith('agent', [salesChannel]);
    await server.api(admin, 'PUT', `/api/agents/${queueAgent.id}/profile`, { queueIds: [queue.body.id] });
    await server.api(admin, 'PUT', `/api/agents/${outsider.id}/profile`, { queueIds: [otherQueue.body.id] });
    await server.deliver(
      envelope({
        phoneNumberId: BILLING,
        messages: [inbound.text({ from: '5511950000100', body: 'segredo do cliente' })],
      }),
    );
    const all = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
    const billing = all.body.items.find((c) => c.contact.waId === '5511950000100')!;
    conversation = await eventually(async () => {
      const shown = await server.api<ConversationDTO>(admin, 'GET', `/api/conversations/${billing.id}`);
      return shown.body.queueId === queue.body.id ? shown.body : undefined;
    }, 'routing to queue the conversation');
    outsiderSocket = await server.connectSocket(outsider.token);
  });

  it('is visible to an agent of its queue, which shows the refusals below are about access', async () => {
    expect((await server.api(queueAgent.token, 'GET', `/api/conversations/${conversation.id}`)).status).toBe(200);
  });

  it.each([
    ['GET', ''],
    ['GET', '/messages'],
    ['GET', '/events?after=0'],
    ['GET', '/timeline'],
    ['POST', '/claim'],
    ['POST', '/resolve'],
  ])('REST %s …%s answers 404, as for a conversation that does not exist', async (method, suffix) => {
    const res = await server.api<ErrorAnswer>(
      outsider.token,
      method,
      `/api/conversations/${conversation.id}${suffix}`,
      method === 'POST' ? {} : undefined,
    );
    const missing = await server.api<ErrorAnswer>(
      outsider.token,
      method,
      `/api/conversations/${'0'.repeat(24)}${suffix}`,
      method === 'POST' ? {} : undefined,
    );
    expect(res.status).toBe(404);
    expect(res.body).toEqual(missing.body);
  });

  it('a reply by REST is 404 and nothing is stored or queued', async () => {
    const [messages, outbox] = [await storedMessages(), await server.app.models.Outbox.countDocuments()];
    const res = await fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${outsider.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'abuse-rest-1',
      },
      body: JSON.stringify({ type: 'text', body: 'not yours' }),
    });
    expect(res.status).toBe(404);
    expect([await storedMessages(), await server.app.models.Outbox.countDocuments()]).toEqual([messages, outbox]);
  });

  it('conversation:sync on the socket is refused as not found, with no events', async () => {
    const ack = await new Promise<Ack<SyncSinceResult>>((resolve) =>
      outsiderSocket.emit('conversation:sync', { conversationId: conversation.id, afterSeq: 0 }, resolve),
    );
    expect(ack).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'conversation not found' } });
  });

  it('message:send on the socket is refused as not found, and nothing is stored or queued', async () => {
    const [messages, outbox] = [await storedMessages(), await server.app.models.Outbox.countDocuments()];
    const command = {
      conversationId: conversation.id,
      clientMessageId: 'abuse-socket-1',
      message: { type: 'text' as const, body: 'not yours' },
    };
    const ack = await new Promise<Ack<MessageDTO>>((resolve) => outsiderSocket.emit('message:send', command, resolve));
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect([await storedMessages(), await server.app.models.Outbox.countDocuments()]).toEqual([messages, outbox]);
  });

  it('no push about it ever reaches the outsider', async () => {
    const seen: string[] = [];
    outsiderSocket.onAny(
      (_event, payload: { conversationId?: string }) => payload?.conversationId && seen.push(payload.conversationId),
    );
    await server.deliver(
      envelope({
        phoneNumberId: BILLING,
        messages: [inbound.text({ from: '5511950000100', body: 'mais um segredo' })],
      }),
    );
    const queueSocket = await server.connectSocket(queueAgent.token);
    const sync = await new Promise<Ack<SyncSinceResult>>((resolve) =>
      queueSocket.emit('conversation:sync', { conversationId: conversation.id, afterSeq: 0 }, resolve),
    );
    expect(sync.ok).toBe(true);
    expect(seen).not.toContain(conversation.id);
  });
});

describe('found by the OpenAPI fuzzing (e2e/openapi-fuzz.test.ts)', () => {
  it('renaming a queue to a name taken is 409, not 500', async () => {
    await server.api(admin, 'POST', '/api/queues', { name: 'Taken name' });
    const other = await server.api<{ id: string }>(admin, 'POST', '/api/queues', { name: 'Free name' });
    const res = await server.api<ErrorAnswer>(admin, 'PATCH', `/api/queues/${other.body.id}`, { name: 'Taken name' });
    expect(res.status).toBe(409);
    expectCleanError(res.body, 'CONFLICT');
  });

  it('the last active admin cannot demote or deactivate themselves, which would lock everyone out', async () => {
    const me = (await server.api<{ id: string }>(admin, 'GET', '/api/me')).body;
    for (const change of [{ role: 'agent' }, { active: false }]) {
      const res = await server.api<ErrorAnswer>(admin, 'PATCH', `/api/users/${me.id}`, change);
      expect(res.status).toBe(409);
      expectCleanError(res.body, 'CONFLICT');
    }
    expect((await server.api<{ role: string; active: boolean }>(admin, 'GET', '/api/me')).body).toMatchObject({
      role: 'admin',
      active: true,
    });
  });
});

/** Logs in from a chosen loopback address, so the test can show the limit is per address as well. */
function loginFrom(
  localAddress: string,
  email: string,
  password: string,
): Promise<{ status: number; retryAfter?: string; body: ErrorAnswer }> {
  const body = JSON.stringify({ email, password });
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            retryAfter: res.headers['retry-after'],
            body: JSON.parse(text) as ErrorAnswer,
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

describe('login brute force', () => {
  const newAccount = async () => {
    const email = `target-${randomBytes(4).toString('hex')}@test.local`;
    await server.api(admin, 'POST', '/api/users', {
      email,
      name: 'Target',
      role: 'agent',
      password: 'right-password-1',
    });
    return email;
  };

  it(`is refused with 429 and Retry-After after ${MAX_LOGIN_FAILURES} failures, even with the right password; other accounts and addresses are not blocked`, async () => {
    const email = await newAccount();
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
      const res = await loginFrom('127.0.0.1', email, `guess-${i}`);
      expect(res.status).toBe(401);
    }
    const blocked = await loginFrom('127.0.0.1', email, 'right-password-1');
    expect(blocked.status).toBe(429);
    expectCleanError(blocked.body, 'RATE_LIMITED');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(JSON.stringify(blocked.body)).not.toMatch(/token/);

    // Differently cased, it is the same account.
    expect((await loginFrom('127.0.0.1', email.toUpperCase(), 'right-password-1')).status).toBe(429);
    expect((await loginFrom('127.0.0.2', email, 'right-password-1')).status).toBe(200);
    expect((await loginFrom('127.0.0.1', ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('parallel guesses do not slip past the limit', async () => {
    const email = await newAccount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => loginFrom('127.0.0.1', email, `parallel-${i}`)),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(MAX_LOGIN_FAILURES);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - MAX_LOGIN_FAILURES);
  });

  it('a successful login starts the count again', async () => {
    const email = await newAccount();
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i++)
      expect((await loginFrom('127.0.0.1', email, `typo-${i}`)).status).toBe(401);
    expect((await loginFrom('127.0.0.1', email, 'right-password-1')).status).toBe(200);
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i++)
      expect((await loginFrom('127.0.0.1', email, `typo-again-${i}`)).status).toBe(401);
    expect((await loginFrom('127.0.0.1', email, 'right-password-1')).status).toBe(200);
  });
});
