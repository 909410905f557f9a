import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWhatsAppSimulator, envelope, inbound, status } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page as PageOf } from '@switchboard/shared';
import { startTestServer, TEST_ACCESS_TOKEN, TEST_SECRET } from '@switchboard/test-support/harness';
import { startTcpProxy } from '@switchboard/test-support/tcp-proxy';
import { startNodeHost } from '../../src/node-host/node-host.js';
import { RENDERER_DIST } from '../../scripts/renderer-build.js';

/** Long enough that no automatic delivered/read arrives during a test: the test posts those itself, one at a time. */
const NEVER_MS = 10 * 60_000;

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * Everything a user's inbox runs against, for real: the server on its database, the WhatsApp simulator wired
 * both ways, a TCP proxy between the desktop engine and the server (to cut the network), and the Node host
 * serving the built renderer.
 */
export async function startStack(
  options: { statusDelaysMs?: { sent: number; delivered: number; read: number }; env?: Record<string, string> } = {},
) {
  const sim = createWhatsAppSimulator({
    appSecret: TEST_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    statusDelaysMs: options.statusDelaysMs ?? { sent: 50, delivered: NEVER_MS, read: NEVER_MS },
  });
  const { url: simUrl } = await sim.start(0);
  const server = await startTestServer({
    WHATSAPP_API_BASE_URL: simUrl,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    OUTBOX_RETRY_BASE_MS: '50',
    // Two refusals make a dead letter, so the dead-letter test does not wait through eight retries.
    OUTBOX_MAX_FAILURES: '2',
    ROUTING_INTERVAL_MS: '100',
    ...options.env,
  });
  sim.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  const proxy = await startTcpProxy(server.url);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-host-'));
  const host = await startNodeHost({
    port: 0,
    dataDir,
    rendererDir: RENDERER_DIST,
    engine: { ackTimeoutMs: 2_000, reconnectDelayMaxMs: 300, outboxRetryMs: 500 },
  });
  const admin = await server.login();

  return {
    server,
    sim,
    proxy,
    host,
    admin,
    /** A customer writes on WhatsApp: a signed webhook, as Meta sends it. */
    async customerWrites(waId: string, body: string, options: { name?: string; at?: Date } = {}) {
      const message = inbound.text({
        from: waId,
        body,
        ...(options.name ? { name: options.name } : {}),
        ...(options.at ? { timestamp: options.at } : {}),
      });
      await server.deliver(envelope({ messages: [message] }));
    },
    /** A customer sends a photo: the simulator holds the bytes, the server fetches them when the inbox asks. */
    async customerSendsPhoto(waId: string, name: string, bytes: Buffer, caption: string) {
      const mediaId = sim.registerMedia({ mimeType: 'image/png', bytes });
      await server.deliver(
        envelope({ messages: [inbound.image({ from: waId, name, mediaId, mimeType: 'image/png', bytes, caption })] }),
      );
    },
    /** A photo whose file WhatsApp no longer has (it keeps media for a limited time): never registered. */
    async customerSentPhotoSinceExpired(waId: string, name: string, caption: string) {
      await server.deliver(
        envelope({ messages: [inbound.image({ from: waId, name, mimeType: 'image/png', caption })] }),
      );
    },
    async conversationOf(waId: string): Promise<ConversationDTO | undefined> {
      const page = await server.api<PageOf<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
      return page.body.items.find((c) => c.contact.waId === waId);
    },
    /** What WhatsApp accepted with this text, however many times. */
    sendsOf: (body: string) =>
      sim.sentMessages.filter(
        (m) => m.type === 'text' && (m.request as { text?: { body?: string } }).text?.body === body,
      ),
    /** The simulator reports a status of a sent message, signed, as Meta does. */
    async reportStatus(wamid: string, next: 'delivered' | 'read') {
      const update = next === 'delivered' ? status.delivered({ id: wamid }) : status.read({ id: wamid });
      const delivery = await sim.postWebhook(envelope({ statuses: [update] }));
      if (!delivery.ok) throw new Error(`status webhook refused: ${JSON.stringify(delivery)}`);
    },
    async close() {
      await host.close();
      await proxy.close();
      await sim.stop();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
