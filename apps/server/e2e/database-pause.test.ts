import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound, signWebhookBody } from '@switchboard/whatsapp-simulator';
import { openDatabase, type DatabaseHandle } from '../src/db/embedded-database.js';
import { createLogger } from '../src/lib/logger.js';
import { eventually, startTestServer, TEST_SECRET, type TestServer } from '@switchboard/test-support/harness';

/**
 * The database stops answering (SIGSTOP: the process is frozen, its sockets stay open, nothing is refused),
 * then comes back. This test runs its own FerretDB so freezing it cannot stall any other test file.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-pause-db-'));
let database: DatabaseHandle;
let databasePid: number;
let server: TestServer;

beforeAll(async () => {
  database = await openDatabase({ dataDir, logger: createLogger('warn') });
  if (database.kind !== 'ferretdb')
    throw new Error(`this test freezes an embedded FerretDB; got a ${database.kind} database`);
  databasePid = Number.parseInt(readFileSync(join(dataDir, 'ferretdb.pid'), 'utf8'), 10);
  server = await startTestServer({ MONGODB_URI: database.uri, INTAKE_STORE_TIMEOUT_MS: '1500' });
}, 60_000);

afterAll(async () => {
  process.kill(databasePid, 'SIGCONT');
  await server?.close();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Answer = { status: number; code?: string; retryAfter: string | null };

/** Posts like Meta does, giving up after 20 s: an answer that never comes would fail the test, not hang it. */
async function post(payload: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed(payload) },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') };
}

const signed = (payload: unknown) => signWebhookBody(JSON.stringify(payload), TEST_SECRET);

const readiness = async () => (await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(20_000) })).status;

describe('the database frozen and thawed', () => {
  it(
    'webhooks get 503 while nothing can be stored, never 200; after the thaw Meta’s retries are stored once',
    { timeout: 120_000 },
    async () => {
      const before = envelope({ messages: [inbound.text({ from: '5511970000000', body: 'before the freeze' })] });
      expect((await post(before)).status).toBe(200);

      const duringFreeze = Array.from({ length: 12 }, (_, i) =>
        envelope({
          messages: [inbound.text({ from: `55119700001${String(i).padStart(2, '0')}`, body: `while frozen ${i}` })],
        }),
      );
      const ids = duringFreeze.map((payload) => payload.entry[0]!.changes[0]!.value.messages![0]!.id);
      let answers: Answer[];
      process.kill(databasePid, 'SIGSTOP');
      try {
        // Two waves, the second once the first has been refused: its inserts are still queued in the frozen
        // database, so the second meets more work waiting there, not less.
        const firstWave = await Promise.all(duringFreeze.slice(0, 6).map(post));
        answers = [...firstWave, ...(await Promise.all(duringFreeze.slice(6).map(post)))];
        expect(await readiness()).toBe(503);
      } finally {
        process.kill(databasePid, 'SIGCONT');
      }
      for (const answer of answers)
        expect(answer).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });

      await eventually(async () => (await readiness()) === 200, 'the server to be ready again', 30_000);
      // Meta delivers every refused webhook again.
      for (const payload of duringFreeze) expect((await post(payload)).status).toBe(200);
      const admin = await server.login();
      expect((await server.api(admin, 'GET', '/api/conversations')).status).toBe(200);

      const messages = server.connection.collection('messages');
      const all = [...ids, before.entry[0]!.changes[0]!.value.messages![0]!.id];
      await eventually(
        async () => (await messages.countDocuments({ providerMessageId: { $in: all } })) === all.length,
        'every message to be stored',
        60_000,
      );
      const perId = await messages
        .aggregate<{ n: number }>([
          { $match: { providerMessageId: { $in: all } } },
          { $group: { _id: '$providerMessageId', n: { $sum: 1 } } },
        ])
        .toArray();
      expect(perId.map((row) => row.n)).toEqual(all.map(() => 1));

      // The inserts that timed out were still in flight and landed after the thaw: each refused webhook is
      // stored twice (late insert + retry), and processing made one message of the two copies.
      const copies = await eventually(
        async () => {
          const stored = await server.app.models.WebhookArchive.countDocuments({
            rawBody: { $in: duringFreeze.map((p) => JSON.stringify(p)) },
          });
          return stored === duringFreeze.length * 2 ? stored : undefined;
        },
        'both copies of each refused webhook to be processed',
        60_000,
      );
      expect(copies).toBe(duringFreeze.length * 2);
    },
  );
});
