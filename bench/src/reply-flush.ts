import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSyncEngine, openCache } from '@switchboard/desktop/engine';
import { BENCH_SECRETS } from './stack.js';

const ADMIN_EMAIL = 'admin@switchboard.local';

export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: BENCH_SECRETS.ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export type FlushResult = { ms: number; acknowledged: number; refused: number; finished: boolean };

/** Runs an engine on the cache until it is online and synced, then stops it: a desktop that was in use. */
async function syncOnce(url: string, token: string, file: string, timeoutMs: number): Promise<void> {
  const engine = createSyncEngine({ serverUrl: url, token, cacheFile: file });
  const online = new Promise<void>((resolve) =>
    engine.subscribe('connection-changed', (state) => state === 'online' && resolve()),
  );
  await engine.start();
  let timer: NodeJS.Timeout | undefined;
  const synced = await Promise.race([
    online.then(() => true),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  await engine.stop();
  if (!synced) throw new Error(`the engine did not sync within ${timeoutMs} ms`);
}

export type OfflineReplies = { file: string; replies: number; url: string; token: string; remove(): void };

/**
 * `replies` replies written while offline (in a desktop engine's SQLite outbox), round robin over the
 * conversations. `presynced`: the cache holds the user's conversations already (the engine ran once
 * before), so reconnecting only catches up.
 */
export async function writeOfflineReplies(options: {
  url: string;
  token: string;
  conversationIds: string[];
  replies: number;
  timeoutMs: number;
  presynced?: boolean;
}): Promise<OfflineReplies> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-outbox-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'cache.sqlite');
    if (options.presynced) await syncOnce(options.url, options.token, file, options.timeoutMs);
    const offline = await openCache(file);
    for (let i = 0; i < options.replies; i++) {
      await offline.enqueueOutbox(randomUUID(), options.conversationIds[i % options.conversationIds.length]!, {
        type: 'text',
        body: `Reply ${i}: we are on it.`,
      });
    }
    await offline.close();
    return { file, replies: options.replies, url: options.url, token: options.token, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * The engine starts against the server with the replies in its outbox: the time until every one is
 * acknowledged (stored by the server, idempotently, and marked sent in the cache).
 */
export async function flushOfflineReplies(offline: OfflineReplies, timeoutMs: number): Promise<FlushResult> {
  const engine = createSyncEngine({ serverUrl: offline.url, token: offline.token, cacheFile: offline.file });
  let acknowledged = 0;
  let refused = 0;
  const done = new Promise<void>((resolve) => {
    engine.subscribe('outbox-changed', (entry) => {
      if (entry.state === 'sent') acknowledged++;
      if (entry.state === 'failed') refused++;
      if (acknowledged + refused === offline.replies) resolve();
    });
  });
  const started = performance.now();
  await engine.start();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    done.then(() => true),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  await engine.stop();
  return { ms, acknowledged, refused, finished };
}
