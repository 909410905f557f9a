import { randomUUID } from 'node:crypto';
import { SendMessageRequest, type ErrorCode } from '@switchboard/shared';
import type { Cache, FileReplyRequest, OutboxEntry } from './db/cache.js';
import type { Emit } from './engine-events.js';
import { createFileReplies } from './file-replies.js';
import type { OutboxFiles } from './outbox-files.js';
import type { RestClient } from './rest-client.js';
import { runInLanes } from '@switchboard/concurrency';
import { request, RequestInterrupted, type ClientSocket } from './socket-request.js';

/** Answers that say "not now" rather than "never": the reply stays pending and is tried again. */
const TRY_AGAIN: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'UNAVAILABLE', 'RATE_LIMITED']);

type OutboxDeps = {
  cache: Cache;
  emit: Emit;
  socket: () => ClientSocket | null;
  /** Where file replies upload their file before they are sent. */
  rest: RestClient;
  files: OutboxFiles;
  ackTimeoutMs: number;
  /** At most this many replies in flight at once, each of a different conversation. */
  concurrency: number;
};

/**
 * Offline-first replies. A reply is written to the SQLite outbox before anything else, so it survives a
 * crash or a closed laptop; it is then sent with the clientMessageId it got when written, every time, so the
 * server's idempotency turns any number of tries into one message.
 *
 * The server handles commands as they come, concurrently, so two replies of one conversation in flight at
 * once could be stored in either order. A conversation's replies therefore go one at a time, each after the
 * previous one's ack; different conversations go side by side.
 */
export function createOutbox({ cache, emit, socket, rest, files, ackTimeoutMs, concurrency }: OutboxDeps) {
  let flushing: Promise<void> | null = null;
  let again = false;
  const fileReplies = createFileReplies({ cache, emit, rest, files, tryAgain: TRY_AGAIN });

  /** Tells the UI of each changed entry, then sends what is pending; answers the last entry. */
  async function changed(...entries: OutboxEntry[]): Promise<OutboxEntry> {
    for (const entry of entries) {
      await fileReplies.settled(entry);
      emit('outbox-changed', entry, null);
    }
    void flush();
    return entries.at(-1)!;
  }

  async function sendReply(conversationId: string, reply: SendMessageRequest): Promise<OutboxEntry> {
    const checked = SendMessageRequest.parse(reply);
    return changed(await cache.enqueueOutbox(randomUUID(), conversationId, checked));
  }

  /** A file the agent attached (staged in the outbox's folder), with its caption: uploaded when it goes out. */
  async function sendFile(conversationId: string, reply: FileReplyRequest): Promise<OutboxEntry> {
    if ((await files.sizeOf(reply.file.id)) !== reply.file.size)
      throw new Error(`${reply.file.filename} is not complete yet: ${reply.file.size} bytes were announced`);
    return changed(await cache.enqueueOutbox(randomUUID(), conversationId, reply));
  }

  /** A failed reply, tried again as it was (the server stored nothing of it, so its key is still free). */
  const retryReply = async (clientMessageId: string) => changed(await cache.retryOutbox(clientMessageId));

  /** A failed reply the agent gave up on: kept as discarded, never sent. */
  const discardReply = async (clientMessageId: string) => changed(await cache.discardOutbox(clientMessageId));

  /** A failed reply edited: the old one discarded and the new one queued together. */
  async function replaceReply(clientMessageId: string, reply: SendMessageRequest): Promise<OutboxEntry> {
    const checked = SendMessageRequest.parse(reply);
    return changed(...(await cache.replaceOutbox(clientMessageId, randomUUID(), checked)));
  }

  /**
   * A message the server took but WhatsApp did not deliver, dealt with: sent again as `reply` (as it was, or
   * edited) or, without one, discarded. Either way it stops offering its actions.
   */
  async function settleFailedMessage(
    conversationId: string,
    messageId: string,
    reply?: SendMessageRequest,
  ): Promise<OutboxEntry | null> {
    const then = reply ? { clientMessageId: randomUUID(), request: SendMessageRequest.parse(reply) } : undefined;
    const entry = await cache.dismissFailure(conversationId, messageId, then);
    if (entry) return changed(entry);
    emit('messages-changed', conversationId);
    return null;
  }

  /**
   * Sends pending replies: each conversation's oldest first, one at a time, stopping at the first that cannot
   * be sent now (its later replies wait for it); up to `concurrency` replies of different conversations at once.
   */
  function flush(): Promise<void> {
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        const pending = await cache.listPendingOutbox();
        await runInLanes(
          pending,
          (entry) => entry.conversationId,
          concurrency,
          async (entry) => (await deliver(entry)) === 'done',
        );
      } while (again && socket()?.connected);
    })()
      .catch((error: unknown) => emit('problem', error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        flushing = null;
      });
    return flushing;
  }

  async function deliver(entry: OutboxEntry): Promise<'done' | 'later'> {
    const current = socket();
    if (!current?.connected) return 'later';
    await cache.recordOutboxAttempt(entry.clientMessageId);
    let message: SendMessageRequest;
    if (entry.request.type === 'file') {
      const prepared = await fileReplies.prepare(entry, entry.request);
      if (prepared === 'later') return 'later';
      if (prepared === 'failed') return 'done';
      message = prepared.send;
    } else message = entry.request;
    const command = { conversationId: entry.conversationId, clientMessageId: entry.clientMessageId, message };
    try {
      const ack = await request(current, 'message:send', command, ackTimeoutMs);
      if (ack.ok) {
        const sent = await cache.markOutboxSent(entry.clientMessageId, ack.data);
        await fileReplies.settled(sent);
        emit('outbox-changed', sent, ack.data);
        emit('messages-changed', entry.conversationId);
        return 'done';
      }
      if (TRY_AGAIN.has(ack.error.code)) return 'later';
      emit('outbox-changed', await cache.markOutboxFailed(entry.clientMessageId, ack.error), null);
      return 'done';
    } catch (error) {
      // Lost connection or no answer: the server may or may not have it. Resending the same key is safe.
      if (error instanceof RequestInterrupted) return 'later';
      throw error;
    }
  }

  /** Resolves when no flush is running, so the cache can be closed under nothing. */
  const settled = async () => {
    while (flushing) await flushing;
  };

  return { sendReply, sendFile, retryReply, discardReply, replaceReply, settleFailedMessage, flush, settled };
}
export type Outbox = ReturnType<typeof createOutbox>;
