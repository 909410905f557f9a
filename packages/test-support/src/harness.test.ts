import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page } from '@switchboard/shared';
import { closedPortUrl } from './closed-port.js';
import { eventually, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a test server without a simulator', () => {
  it("sends WhatsApp calls to a port this test process holds, never to a development stack's", async () => {
    expect(server.config.WHATSAPP_API_BASE_URL).toBe(await closedPortUrl());
    const admin = await server.login();
    await server.deliver(envelope({ messages: [inbound.text({ from: '5491100001600', body: 'hola' })] }));
    const [conversation] = (await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations')).body.items;
    const res = await fetch(`${server.url}/api/conversations/${conversation!.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': 'closed-port-1',
      },
      body: JSON.stringify({ type: 'text', body: 'Olá! Já vejo isso.' }),
    });
    expect(res.status).toBe(201);
    // The port answers nothing: the try fails there, and the reply waits in the outbox.
    const item = await eventually(async () => {
      const pending = await server.app.models.Outbox.findOne({});
      return pending?.lastFailure ? pending : undefined;
    }, 'the first try to fail');
    expect(item.lastFailure).toBeTruthy();
  });
});
