import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { envelope, inbound, signWebhookBody } from '@switchboard/whatsapp-simulator';
import { eventually, freshDatabaseName, TEST_SECRET, testEnv } from '../test-support/harness.js';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dbName = freshDatabaseName();
const children = new Set<ChildProcess>();

/** The real server as its own process, so it can be killed with SIGKILL like a crash. */
async function startServerProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { ...process.env, ...testEnv({ MONGODB_DB_NAME: dbName, PORT: '0', LOG_LEVEL: 'info', INTAKE_LEASE_SECONDS: '5', ...env }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/[\d.:]+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, child };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
    children.delete(child);
  });
}

async function post(url: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(`${url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, TEST_SECRET) },
      body,
    });
    return res.status;
  } catch {
    return 0;
  }
}

const db = mongoose.createConnection();
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await db.dropDatabase().catch(() => undefined);
  await db.close();
});

describe('a server killed after answering 200 loses nothing', () => {
  it('webhooks acknowledged just before a SIGKILL are all stored once after the restart', { timeout: 120_000 }, async () => {
    await db.openUri(testEnv().MONGODB_URI!, { dbName });
    const messages = db.collection('messages');

    const first = await startServerProcess({ INTAKE_CONCURRENCY: '0' });
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const message = inbound.text({ from: `55119555000${i}`, body: `before crash ${i}` });
      if ((await post(first.url, envelope({ messages: [message] }))) === 200) acknowledged.push(message.id);
    }
    expect(acknowledged).toHaveLength(10);
    await kill9(first.child);
    expect(await messages.countDocuments({ providerMessageId: { $in: acknowledged } })).toBe(0);

    const second = await startServerProcess({});
    const burst = Array.from({ length: 40 }, (_, i) => inbound.text({ from: `551195551${String(i).padStart(3, '0')}`, body: `burst ${i}` }));
    const answers = burst.map(async (message, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      return { id: message.id, status: await post(second.url, envelope({ messages: [message] })) };
    });
    await new Promise((r) => setTimeout(r, 300));
    await kill9(second.child);
    const results = await Promise.all(answers);
    const ackedInBurst = results.filter((r) => r.status === 200).map((r) => r.id);
    acknowledged.push(...ackedInBurst);
    expect(ackedInBurst.length).toBeGreaterThan(0);
    expect(ackedInBurst.length).toBeLessThan(burst.length);

    const third = await startServerProcess({});
    await eventually(
      async () => (await messages.countDocuments({ providerMessageId: { $in: acknowledged } })) === acknowledged.length,
      'every acknowledged message to be stored',
      60_000,
    );
    const perId = await messages.aggregate([{ $match: { providerMessageId: { $in: acknowledged } } }, { $group: { _id: '$providerMessageId', n: { $sum: 1 } } }]).toArray();
    expect(perId).toHaveLength(acknowledged.length);
    expect(perId.every((row) => row.n === 1)).toBe(true);
    await kill9(third.child);
  });
});
