import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Role } from '@switchboard/shared';
import { createWhatsAppSimulator, signWebhookBody } from '@switchboard/whatsapp-simulator';
import {
  connectDatabase,
  createApp,
  createLogger,
  loadConfig,
  type App,
  type Config,
  type Logger,
} from '@switchboard/server';
import { closedPortUrl } from './closed-port.js';
import type {} from './provided-context.js';

export const TEST_SECRET = 'test-app-secret-123';
export const TEST_VERIFY_TOKEN = 'test-verify-token';
export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A database name of its own per server, so test files never see each other's data. */
export const freshDatabaseName = () => `t_${randomBytes(6).toString('hex')}`;

export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: inject('mongoUri'),
    SEARCH_INDEX_DIR: inject('searchIndexDir'),
    WHATSAPP_APP_SECRET: TEST_SECRET,
    WHATSAPP_VERIFY_TOKEN: TEST_VERIFY_TOKEN,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...overrides,
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The real app on a real port with a real database; everything a test needs to talk to it like a client. */
export async function startTestServer(overrides: Record<string, string> = {}, options: { logger?: Logger } = {}) {
  const config: Config = loadConfig(
    testEnv({ MONGODB_DB_NAME: freshDatabaseName(), WHATSAPP_API_BASE_URL: await closedPortUrl(), ...overrides }),
  );
  const connection = await connectDatabase(config.MONGODB_URI!, config.MONGODB_DB_NAME);
  const app: App = await createApp({
    config,
    connection,
    logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  const url = await app.listen(0, '127.0.0.1');
  const sockets: ClientSocket[] = [];

  const server = {
    url,
    app,
    config,
    connection,

    async postWebhook(payload: unknown, options: { secret?: string; raw?: string; signature?: string } = {}) {
      const body = options.raw ?? JSON.stringify(payload);
      return fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': options.signature ?? signWebhookBody(body, options.secret ?? TEST_SECRET),
        },
        body,
      });
    },

    /** Posts a signed webhook, expects 200, and waits until the server has processed it. */
    async deliver(payload: unknown, timeoutMs?: number) {
      const res = await server.postWebhook(payload);
      if (res.status !== 200) throw new Error(`webhook refused: ${res.status} ${await res.text()}`);
      const { stored } = (await res.json()) as { stored: string };
      return eventually(
        async () => {
          const doc = await app.models.WebhookArchive.findById(stored);
          return doc ? doc.toObject() : undefined;
        },
        `webhook ${stored} to be processed`,
        timeoutMs,
      );
    },

    async login(email = ADMIN.email, password = ADMIN.password): Promise<string> {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },

    /** A REST call as the signed-in user; `headers` adds to the token (an `idempotency-key` for a reply). */
    async api<T = unknown>(
      token: string,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<{ status: number; body: T }> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },

    /** Creates a user with a role and channels, and returns their token. */
    async userWith(role: Role, channelIds: string[] = []): Promise<{ id: string; token: string }> {
      const admin = await server.login();
      const email = `${role}-${randomBytes(4).toString('hex')}@test.local`;
      const created = await server.api<{ id: string }>(admin, 'POST', '/api/users', {
        email,
        name: `Test ${role}`,
        role,
        password: 'password-1234',
      });
      if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
      for (const channelId of channelIds) {
        const channel = await server.api<{ memberIds: string[] }>(admin, 'GET', `/api/channels`);
        const members =
          (channel.body as unknown as { items: { id: string; memberIds: string[] }[] }).items.find(
            (c) => c.id === channelId,
          )?.memberIds ?? [];
        await server.api(admin, 'PUT', `/api/channels/${channelId}/members`, {
          userIds: [...members, created.body.id],
        });
      }
      return { id: created.body.id, token: await server.login(email, 'password-1234') };
    },

    /** Waits until routing counts the user as online (presence is recorded just after their socket connects). */
    async untilOnline(userId: string): Promise<void> {
      await eventually(
        async () => (await app.services.agents.status(await app.models.User.findById(userId).orFail())) === 'online',
        `user ${userId} to be online`,
      );
    },

    async connectSocket(token: string): Promise<ClientSocket> {
      const socket: ClientSocket = connectSocket(url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },

    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
  return server;
}

/** The app of a second server process (see startPeerApp). */
export type PeerApp = App;

/**
 * A second server process's app on a test server's database (its own connection, no listening port): for
 * tests of what two processes do at once. `config` overrides the test server's. Its close() closes both.
 */
export async function startPeerApp(server: TestServer, config: Partial<Config> = {}): Promise<PeerApp> {
  const connection = await connectDatabase(server.config.MONGODB_URI!, server.config.MONGODB_DB_NAME);
  const app = await createApp({ config: { ...server.config, ...config }, connection, logger: createLogger('silent') });
  const closeApp = app.close;
  return Object.assign(app, {
    async close() {
      await closeApp();
      await connection.close();
    },
  });
}

export const TEST_ACCESS_TOKEN = 'test-access-token';

/**
 * The real app wired both ways to a real WhatsApp Cloud API simulator: replies go to the simulator, and its
 * status webhooks come back signed to the app.
 */
export async function startTestServerWithSimulator(
  overrides: Record<string, string> = {},
  options: { logger?: Logger } = {},
) {
  const sim = createWhatsAppSimulator({
    appSecret: TEST_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    statusDelaysMs: { sent: 20, delivered: 40, read: 60 },
  });
  const { url: simUrl } = await sim.start(0);
  const server = await startTestServer(
    {
      WHATSAPP_API_BASE_URL: simUrl,
      WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
      OUTBOX_RETRY_BASE_MS: '50',
      ...overrides,
    },
    options,
  );
  sim.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  const close = server.close;
  return Object.assign(server, {
    sim,
    async close() {
      await sim.stop();
      await close();
    },
  });
}

/**
 * Delivers a webhook as Meta does: one the server could not store now (503) is sent again after a growing pause
 * until it is taken. Answers the last status: 200, or a refusal Meta would not retry.
 */
export async function deliverLikeMeta(post: () => Promise<number>, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
    const status = await post();
    if (status !== 503 || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** Polls until `check` returns a value (not undefined/false), for work the server does after answering. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false | null>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false && value !== null) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
