import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A request body kept on disk while it is handed on, so a 100 MB document never sits in memory. */
export type ReceivedFile = {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, for format checks (an animated WebP's flags). */
  head: Uint8Array;
  discard(): Promise<void>;
};

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 32;
const UPLOADS_DIR = join(tmpdir(), 'switchboard-uploads');

/** Streams `body` to a temporary file, hashing and counting; stops at `maxBytes` with a FileTooLargeError. */
export async function receiveFile(body: Readable, maxBytes: number): Promise<ReceivedFile> {
  await mkdir(UPLOADS_DIR, { recursive: true });
  const path = join(UPLOADS_DIR, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      if (size - chunk.length < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(body, meter, createWriteStream(path));
  } catch (error) {
    await discard();
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head).subarray(0, HEAD_BYTES), discard };
}
