import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { connectCatchUpClient, type CatchUpClient } from '@switchboard/test-support/catch-up-client';
import { deliverLikeMeta, eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { startTcpProxy, type TcpProxy } from '@switchboard/test-support/tcp-proxy';

const DROPS = 100;
const CUSTOMERS = 10;
const MESSAGES_PER_WEBHOOK = 1;

let server: TestServer;
let proxy: TcpProxy;
let client: CatchUpClient;
beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.url);
  client = connectCatchUpClient({ socketUrl: proxy.url, restUrl: server.url, token: await server.login() });
});
afterAll(async () => {
  client.close();
  await proxy.close();
  await server.close();
});

/** A seeded generator (mulberry32), so a failing run can be repeated drop for drop. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('an agent socket dropped again and again during traffic', () => {
  it(
    `after ${DROPS} cuts at random moments it holds every event of its conversations, with no gap and no duplicate`,
    { timeout: 420_000 },
    async () => {
      const random = seeded(20_261_121);
      const sent: string[] = [];
      let webhooks = 0;
      const traffic: Promise<unknown>[] = [];
      let drops = 0;
      // The connection (by the client's count) the last counted cut landed on: a socket still marked connected
      // after a cut, before the client has read the close, is the same connection and does not count again.
      let cutConnection = 0;
      while (drops < DROPS) {
        await eventually(
          async () => client.socket.connected && client.connects > cutConnection,
          'the client to reconnect through the proxy',
          30_000,
        );
        // Traffic keeps flowing while the client is connected, cut, and reconnecting.
        const messages = Array.from({ length: MESSAGES_PER_WEBHOOK }, (_, i) =>
          inbound.text({
            from: `5511961${String((webhooks * MESSAGES_PER_WEBHOOK + i) % CUSTOMERS).padStart(5, '0')}`,
            body: `during drop ${drops}, line ${i}`,
          }),
        );
        webhooks++;
        sent.push(...messages.map((m) => m.id));
        const webhook = envelope({ messages });
        traffic.push(
          deliverLikeMeta(async () => (await server.postWebhook(webhook)).status).then((status) =>
            expect(status).toBe(200),
          ),
        );
        await new Promise((r) => setTimeout(r, random() * 150));
        // Only a cut of a connected client counts; one that lands during the handshake is an extra.
        const connection = client.socket.connected ? client.connects : cutConnection;
        if (proxy.dropAll() > 0 && connection > cutConnection) {
          drops++;
          cutConnection = connection;
        }
      }
      await Promise.all(traffic);

      await eventually(
        async () =>
          (await server.app.models.Message.countDocuments({ providerMessageId: { $in: sent } })) === sent.length,
        'every message to be processed',
        240_000,
      );
      await eventually(
        async () => {
          await client.catchUp();
          return client.createdMessages().size === sent.length;
        },
        'the client to hold every message',
        60_000,
      );

      // The messages can all be in (by the catch-up's REST reads) before the socket's reconnect after the last cut.
      await eventually(async () => client.socket.connected, 'the client to reconnect after the last cut', 30_000);
      expect(client.connects).toBeGreaterThan(DROPS);
      const seen = client.createdMessages();
      expect(sent.filter((id) => seen.get(id) !== 1)).toEqual([]);
      expect(client.conversationIds()).toHaveLength(CUSTOMERS);
      for (const conversationId of client.conversationIds()) {
        const conversation = await server.app.models.Conversation.findById(conversationId).orFail();
        expect(client.seqs(conversationId)).toEqual(Array.from({ length: conversation.seq }, (_, i) => i + 1));
      }
    },
  );
});
