import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { createWhatsAppSimulator, envelope, inbound } from '@switchboard/whatsapp-simulator';
import {
  ADMIN,
  eventually,
  freshDatabaseName,
  TEST_ACCESS_TOKEN,
  TEST_SECRET,
  testEnv,
} from '@switchboard/test-support/harness';
import {
  freePort,
  kill9,
  killAllServerProcesses,
  postSignedWebhook,
  startServerProcess,
} from '@switchboard/test-support/server-process';

const sim = createWhatsAppSimulator({
  appSecret: TEST_SECRET,
  accessToken: TEST_ACCESS_TOKEN,
  statusDelaysMs: { sent: 1500, delivered: 1600, read: 1700 },
});
const db = mongoose.createConnection();
afterAll(async () => {
  await killAllServerProcesses();
  await sim.stop();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
});

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('a server killed while sending', () => {
  it(
    'after the restart, the reply in flight and the queued ones are each delivered exactly once',
    { timeout: 120_000 },
    async () => {
      const dbName = freshDatabaseName();
      await db.openUri(testEnv().MONGODB_URI!, { dbName });
      const { url: simUrl } = await sim.start(0);
      const port = String(await freePort());
      const env = {
        MONGODB_DB_NAME: dbName,
        PORT: port,
        WHATSAPP_API_BASE_URL: simUrl,
        WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
        WHATSAPP_TIMEOUT_MS: '60000',
        OUTBOX_CONCURRENCY: '1',
        OUTBOX_LEASE_SECONDS: '5',
        OUTBOX_RECONCILE_SECONDS: '30',
      };
      const first = await startServerProcess(env);
      sim.setWebhookUrl(`${first.url}/webhooks/whatsapp`);

      expect(
        await postSignedWebhook(
          first.url,
          envelope({ messages: [inbound.text({ from: '5511977770001', body: 'oi' })] }),
        ),
      ).toBe(200);
      const conversation = await eventually(
        () => db.collection('conversations').findOne({ lastInboundAt: { $ne: null } }),
        "the customer's message to be recorded",
      );
      sim.faults.set({ hang: { count: 1, maxMs: 60_000 } });
      const token = await login(first.url);
      const ids: string[] = [];
      for (const text of ['primeira', 'segunda', 'terceira']) {
        const res = await fetch(`${first.url}/api/conversations/${conversation._id.toHexString()}/messages`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `crash-${text}`,
          },
          body: JSON.stringify({ type: 'text', body: text }),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      }
      await eventually(async () => sim.sentMessages.length === 1, 'the first reply to reach WhatsApp and hang');
      await kill9(first.child);
      expect(sim.sentMessages[0]!.answered).toBe(false);

      await startServerProcess(env);
      const messages = db.collection('messages');
      await eventually(
        async () =>
          (await messages.countDocuments({
            _id: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) },
            statusRank: { $gte: 3 },
          })) === 3,
        'all three replies to be delivered',
        90_000,
      );
      for (const id of ids) {
        expect(sim.sentMessages.filter((m) => m.request.biz_opaque_callback_data === id)).toHaveLength(1);
      }
    },
  );
});
