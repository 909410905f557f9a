import type { ErrorBody, ErrorCode, SendMessageRequest } from '@switchboard/shared';
import type { Cache, FileReplyRequest, OutboxEntry } from './db/cache.js';
import type { Emit } from './engine-events.js';
import type { OutboxFiles } from './outbox-files.js';
import { RestError, type RestClient } from './rest-client.js';

/** At most this often a file's upload progress is told to the UI. */
const PROGRESS_EVERY_MS = 100;

type Deps = {
  cache: Cache;
  emit: Emit;
  rest: RestClient;
  files: OutboxFiles;
  /** Server answers that mean "not now": the reply stays pending. */
  tryAgain: ReadonlySet<ErrorCode>;
};

/** What a file reply becomes on its way out: the media reply to send, or why not now. */
export type Prepared = { send: SendMessageRequest } | 'later' | 'failed';

/**
 * The upload step of a file reply. Its file is uploaded under a key made from the reply's clientMessageId, so
 * a retry after a lost answer gets the same upload back (the server records one per key), and the reply then
 * goes out as a media reply by that upload's id, with the reply's own key: one file, one message.
 */
export function createFileReplies({ cache, emit, rest, files, tryAgain }: Deps) {
  async function fail(entry: OutboxEntry, error: ErrorBody): Promise<'failed'> {
    emit('outbox-changed', await cache.markOutboxFailed(entry.clientMessageId, error), null);
    return 'failed';
  }

  async function prepare(entry: OutboxEntry, request: FileReplyRequest): Promise<Prepared> {
    const { file } = request;
    if ((await files.sizeOf(file.id)) !== file.size)
      return fail(entry, {
        code: 'VALIDATION_FAILED',
        message: `${file.filename} is no longer complete in this computer's outbox; attach it again`,
      });
    let told = 0;
    const onProgress = (sentBytes: number) => {
      const now = Date.now();
      if (sentBytes < file.size && now - told < PROGRESS_EVERY_MS) return;
      told = now;
      emit('upload-progress', {
        clientMessageId: entry.clientMessageId,
        conversationId: entry.conversationId,
        sentBytes,
        totalBytes: file.size,
      });
    };
    try {
      const source = { path: files.pathOf(file.id), filename: file.filename, mimeType: file.mimeType, size: file.size };
      const upload = await rest.upload(
        entry.conversationId,
        { ...source, onProgress },
        `upload:${entry.clientMessageId}`,
      );
      return { send: { type: 'media', uploadId: upload.id, ...(request.caption ? { caption: request.caption } : {}) } };
    } catch (error) {
      if (!(error instanceof RestError)) {
        // The server could not be reached, or the connection dropped mid-file: the same key makes it safe to try again.
        emit('problem', error instanceof Error ? error : new Error(String(error)));
        return 'later';
      }
      if (tryAgain.has(error.code as ErrorCode)) return 'later';
      return fail(entry, { code: error.code as ErrorCode, message: error.message, issues: error.issues });
    }
  }

  /** The file is no longer needed once its reply is sent or given up. */
  const settled = async (entry: OutboxEntry) => {
    if (entry.request.type === 'file' && (entry.state === 'sent' || entry.state === 'discarded'))
      await files.remove(entry.request.file.id);
  };

  return { prepare, settled };
}
