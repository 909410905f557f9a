import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, MessageDTO, Page } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';
import { tempDir } from '../engine/test-support/fixtures.js';
import { CLOSE_WRONG_KEY } from './bridge-server.js';
import { startNodeHost, type NodeHost } from './node-host.js';
import { connectBridge, refusal } from './test-support/bridge-client.js';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let host: NodeHost;
let admin: string;
const dir = tempDir();
const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  const rendererDir = dir.file('renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title><div id="root"></div>');
  host = await startNodeHost({
    port: 0,
    dataDir: dir.file('data'),
    rendererDir,
    defaultServerUrl: server.url,
    engine: { reconnectDelayMaxMs: 300 },
  });
});
afterAll(async () => {
  await host.close();
  await server.close();
  dir.remove();
});

const bridgeUrl = (key = host.key) => `${host.origin.replace('http', 'ws')}/bridge?key=${encodeURIComponent(key)}`;

describe('the Node host', () => {
  it('serves the renderer under a strict content security policy, any route falling back to the app', async () => {
    const page = await fetch(`${host.origin}/inbox/some-conversation`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${host.origin.replace('http', 'ws')}`);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses a wrong key (close 4401) and a page from another origin', async () => {
    expect(await refusal(bridgeUrl('not-the-key'), host.origin)).toEqual({ code: CLOSE_WRONG_KEY });
    expect(await refusal(bridgeUrl(), 'http://evil.example')).toEqual({ status: 403 });
    expect(await refusal(bridgeUrl(), 'http://127.0.0.1:1')).toEqual({ status: 403 });
  });

  it('carries commands and pushes over the bridge: invalid arguments are refused, a sign-in works, live changes arrive', async () => {
    const bridge = await connectBridge(bridgeUrl(), host.origin);
    expect(await bridge.invoke('session:get')).toEqual({
      ok: true,
      data: { user: null, serverUrl: null, connection: 'offline', defaultServerUrl: server.url },
    });
    expect(await bridge.invoke('inbox:list', { view: 'mine', sort: 'loudest' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('sort') },
    });
    expect(await bridge.invoke('session:login', { serverUrl: server.url, email: ADMIN.email })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('password') },
    });

    const login = await bridge.invoke('session:login', { serverUrl: server.url, ...ADMIN });
    expect(login).toMatchObject({ ok: true, data: { user: { email: ADMIN.email } } });
    await eventually(
      async () => bridge.pushes.some((p) => p.push === 'connection-changed' && p.payload[0] === 'online'),
      'the online push',
    );

    await server.deliver(envelope({ messages: [inbound.text({ from: '5511930000001', body: 'pelo navegador' })] }));
    await eventually(async () => bridge.pushes.some((p) => p.push === 'thread-changed'), 'a thread-changed push');
    const list = await bridge.invoke('inbox:list', { view: 'all' });
    expect(list.ok && (list.data as ConversationDTO[]).map((c) => c.contact.waId)).toContain('5511930000001');
    bridge.close();
  });

  it("streams a customer's media with the session's token, only to a caller with the key", async () => {
    const bytes = randomBytes(2048);
    const mediaId = server.sim.registerMedia({ mimeType: 'image/jpeg', bytes });
    await server.deliver(envelope({ messages: [inbound.image({ from: '5511930000002', mediaId, bytes })] }));
    const conversation = (
      await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200')
    ).body.items.find((c) => c.contact.waId === '5511930000002')!;
    const [message] = (
      await server.api<Page<MessageDTO>>(admin, 'GET', `/api/conversations/${conversation.id}/messages`)
    ).body.items;

    const bridge = await connectBridge(bridgeUrl(), host.origin);
    const mediaUrl = await bridge.invoke('media:url', message!.id);
    expect(mediaUrl).toEqual({ ok: true, data: `/media/${message!.id}?key=${host.key}` });
    const res = await fetch(`${host.origin}${(mediaUrl as { data: string }).data}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${host.origin}/media/${message!.id}?key=wrong`)).status).toBe(401);
    bridge.close();
  });
});
