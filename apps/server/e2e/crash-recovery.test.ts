import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { eventually, freshDatabaseName, testEnv } from '@switchboard/test-support/harness';
import {
  kill9,
  killAllServerProcesses,
  postSignedWebhook as post,
  startServerProcess,
} from '@switchboard/test-support/server-process';

const dbName = freshDatabaseName();
const processEnv = { MONGODB_DB_NAME: dbName, INTAKE_LEASE_SECONDS: '5' };

const db = mongoose.createConnection();
afterAll(async () => {
  await killAllServerProcesses();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
});

describe('a server killed after answering 200 loses nothing', () => {
  it(
    'webhooks acknowledged just before a SIGKILL are all stored once after the restart',
    { timeout: 240_000 },
    async () => {
      await db.openUri(testEnv().MONGODB_URI!, { dbName });
      const messages = db.collection('messages');

      const first = await startServerProcess({ ...processEnv, INTAKE_CONCURRENCY: '0' });
      const acknowledged: string[] = [];
      for (let i = 0; i < 10; i++) {
        const message = inbound.text({ from: `55119555000${i}`, body: `before crash ${i}` });
        if ((await post(first.url, envelope({ messages: [message] }))) === 200) acknowledged.push(message.id);
      }
      expect(acknowledged).toHaveLength(10);
      await kill9(first.child);
      expect(await messages.countDocuments({ providerMessageId: { $in: acknowledged } })).toBe(0);

      const second = await startServerProcess(processEnv);
      const burst = Array.from({ length: 40 }, (_, i) =>
        inbound.text({ from: `551195551${String(i).padStart(3, '0')}`, body: `burst ${i}` }),
      );
      let acked = 0;
      const answers = burst.map(async (message, i) => {
        await new Promise((r) => setTimeout(r, i * 15));
        const status = await post(second.url, envelope({ messages: [message] }));
        if (status === 200) acked++;
        return { id: message.id, status };
      });
      await eventually(async () => acked >= 5, 'the first acknowledgements of the burst');
      await kill9(second.child);
      const results = await Promise.all(answers);
      const ackedInBurst = results.filter((r) => r.status === 200).map((r) => r.id);
      acknowledged.push(...ackedInBurst);
      expect(ackedInBurst.length).toBeGreaterThan(0);
      expect(ackedInBurst.length).toBeLessThan(burst.length);

      const third = await startServerProcess(processEnv);
      await eventually(
        async () =>
          (await messages.countDocuments({ providerMessageId: { $in: acknowledged } })) === acknowledged.length,
        'every acknowledged message to be stored',
        180_000,
      );
      const perId = await messages
        .aggregate([
          { $match: { providerMessageId: { $in: acknowledged } } },
          { $group: { _id: '$providerMessageId', n: { $sum: 1 } } },
        ])
        .toArray();
      expect(perId).toHaveLength(acknowledged.length);
      expect(perId.every((row) => row.n === 1)).toBe(true);
      await kill9(third.child);
    },
  );
});
