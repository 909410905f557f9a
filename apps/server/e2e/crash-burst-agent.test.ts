import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { connectCatchUpClient, type CatchUpClient } from '@switchboard/test-support/catch-up-client';
import { ADMIN, deliverLikeMeta, eventually, freshDatabaseName, testEnv } from '@switchboard/test-support/harness';
import {
  freePort,
  kill9,
  killAllServerProcesses,
  postSignedWebhook,
  startServerProcess,
} from '@switchboard/test-support/server-process';

/*
 * crash-recovery.test.ts proves acknowledged webhooks survive a SIGKILL. This one adds the agent: a socket
 * connected through the crash must end up with every message, once, with no hole in any conversation's seq.
 */
/** 300 messages; each new conversation costs more than a message in an open one (triage, routing). */
const CUSTOMERS = 20;
const MESSAGES_PER_CUSTOMER = 15;
const MESSAGES_PER_WEBHOOK = 10;

const dbName = freshDatabaseName();
const db = mongoose.createConnection();
let client: CatchUpClient | undefined;
afterAll(async () => {
  client?.close();
  await killAllServerProcesses();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
});

function burst() {
  const messages = [];
  for (let round = 0; round < MESSAGES_PER_CUSTOMER; round++) {
    for (let c = 0; c < CUSTOMERS; c++)
      messages.push(
        inbound.text({ from: `5511960${String(c).padStart(5, '0')}`, body: `customer ${c} line ${round}` }),
      );
  }
  const webhooks = [];
  for (let i = 0; i < messages.length; i += MESSAGES_PER_WEBHOOK)
    webhooks.push(envelope({ messages: messages.slice(i, i + MESSAGES_PER_WEBHOOK) }));
  return { ids: messages.map((m) => m.id), webhooks };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('a server killed during a webhook burst, with an agent connected', () => {
  it(
    'stores every acknowledged message once, and the agent ends with all of them and no gaps',
    { timeout: 540_000 },
    async () => {
      await db.openUri(testEnv().MONGODB_URI!, { dbName });
      const env = { MONGODB_DB_NAME: dbName, INTAKE_LEASE_SECONDS: '5', PORT: String(await freePort()) };
      const first = await startServerProcess(env);
      client = connectCatchUpClient({ socketUrl: first.url, restUrl: first.url, token: await login(first.url) });
      await eventually(async () => client!.connects === 1, 'the agent to connect');

      const { ids, webhooks } = burst();
      const answers = new Map<number, number>();
      let acknowledged = 0;
      let next = 0;
      // Three senders, as Meta delivers in parallel; the server is killed once a third of the burst is in.
      const sender = async () => {
        while (next < webhooks.length) {
          const index = next++;
          const status = await postSignedWebhook(first.url, webhooks[index]);
          answers.set(index, status);
          if (status === 200) acknowledged++;
        }
      };
      const senders = Promise.all([sender(), sender(), sender()]);
      await eventually(
        async () => acknowledged >= webhooks.length / 3,
        'a third of the burst to be acknowledged',
        120_000,
      );
      await kill9(first.child);
      await senders;
      const refused = [...answers].filter(([, status]) => status !== 200).map(([index]) => index);
      expect(refused.length).toBeGreaterThan(0);
      expect(acknowledged).toBeLessThan(webhooks.length);

      const second = await startServerProcess(env);
      // Meta redelivers what was not acknowledged.
      for (const index of refused)
        expect(await deliverLikeMeta(() => postSignedWebhook(second.url, webhooks[index]))).toBe(200);

      const messages = db.collection('messages');
      await eventually(
        async () => (await messages.countDocuments({ providerMessageId: { $in: ids } })) === ids.length,
        'every message to be stored',
        420_000,
      );
      const perId = await messages
        .aggregate<{ n: number }>([
          { $match: { providerMessageId: { $in: ids } } },
          { $group: { _id: '$providerMessageId', n: { $sum: 1 } } },
        ])
        .toArray();
      expect(perId).toHaveLength(ids.length);
      expect(perId.every((row) => row.n === 1)).toBe(true);

      await eventually(
        async () => {
          await client!.catchUp();
          return client!.createdMessages().size === ids.length;
        },
        'the agent to have seen every message',
        60_000,
      );
      expect(client.connects).toBeGreaterThanOrEqual(2);
      const seen = client.createdMessages();
      expect(ids.every((id) => seen.get(id) === 1)).toBe(true);
      expect(client.conversationIds()).toHaveLength(CUSTOMERS);
      for (const conversationId of client.conversationIds()) {
        const seqs = client.seqs(conversationId);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
    },
  );
});
