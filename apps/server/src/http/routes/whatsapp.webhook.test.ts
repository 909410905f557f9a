import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { startTestServer, TEST_VERIFY_TOKEN, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_MAX_BODY: '64kb' });
});
afterAll(() => server.close());

const storedCount = async () =>
  (await server.app.models.WebhookIntake.countDocuments()) + (await server.app.models.WebhookArchive.countDocuments());

describe('GET /webhooks/whatsapp (Meta verification handshake)', () => {
  it('answers the bare challenge as text/plain when the verify token matches', async () => {
    const res = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong token', `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`],
    ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1`],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=${TEST_VERIFY_TOKEN}`],
  ])('refuses %s with 403', async (_name, query) => {
    const res = await fetch(`${server.url}/webhooks/whatsapp?${query}`);
    expect(res.status).toBe(403);
  });
});

describe('POST /webhooks/whatsapp refuses what it must not store', () => {
  const payload = () => envelope({ messages: [inbound.text({ from: '5511988887777', name: 'Bia', body: 'Oi' })] });

  it('401 without a signature, nothing stored', async () => {
    const before = await storedCount();
    const res = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload()),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_SIGNATURE');
    expect(await storedCount()).toBe(before);
  });

  it('401 for a signature made with another secret, nothing stored', async () => {
    const before = await storedCount();
    const res = await server.postWebhook(payload(), { secret: 'someone-elses-secret' });
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(before);
  });

  it('401 when the body was changed after signing', async () => {
    const body = JSON.stringify(payload());
    const signed = await server.postWebhook(undefined, { raw: body });
    expect(signed.status).toBe(200);
    const { signWebhookBody } = await import('@switchboard/whatsapp-simulator');
    const res = await server.postWebhook(undefined, {
      raw: body.replace('Oi', 'Hi'),
      signature: signWebhookBody(body, 'test-app-secret-123'),
    });
    expect(res.status).toBe(401);
  });

  it('400 naming the problem for a signed body that is not JSON, nothing stored', async () => {
    const before = await storedCount();
    const res = await server.postWebhook(undefined, { raw: '{"object": "whatsapp_business_account", ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'MALFORMED_JSON', message: 'the body is not valid JSON' },
    });
    expect(await storedCount()).toBe(before);
  });

  it('400 naming the field for JSON that is not a WhatsApp Business Account envelope, nothing stored', async () => {
    const before = await storedCount();
    const res = await server.postWebhook({ object: 'page', entry: [] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('INVALID_WEBHOOK');
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['object', 'entry']));
    expect(await storedCount()).toBe(before);
  });

  it('413 for a body over the configured limit, nothing stored', async () => {
    const before = await storedCount();
    const huge = envelope({ messages: [inbound.text({ from: '5511988887777', body: 'x'.repeat(70 * 1024) })] });
    const res = await server.postWebhook(huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedCount()).toBe(before);
  });

  it('200 only with the raw payload stored, byte for byte, under the request id it was answered with', async () => {
    const body = JSON.stringify(payload());
    const res = await server.postWebhook(undefined, { raw: body });
    expect(res.status).toBe(200);
    const { stored } = (await res.json()) as { stored: string };
    const doc =
      (await server.app.models.WebhookIntake.findById(stored)) ??
      (await server.app.models.WebhookArchive.findById(stored));
    expect(doc?.rawBody).toBe(body);
    expect(doc?.correlationId).toBe(res.headers.get('x-request-id'));
  });
});
