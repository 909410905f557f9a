import { mkdirSync } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A staged file's id: the renderer's UUID, also its file name, so nothing else can be named. */
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The files of attachment replies, kept on disk beside the cache (`<cache>.files/<fileId>`) from the moment
 * the agent attaches one until the server has the message, so a reply written offline still has its file
 * after a restart. A file arrives in pieces, each appended at the offset it claims, so a piece sent twice or
 * out of order is refused rather than written into the middle.
 */
export function createOutboxFiles(cacheFile: string) {
  const dir = `${cacheFile}.files`;
  mkdirSync(dir, { recursive: true });

  const pathOf = (fileId: string) => {
    if (!FILE_ID.test(fileId)) throw new Error(`not a staged file id: ${fileId}`);
    return path.join(dir, fileId);
  };

  async function sizeOf(fileId: string): Promise<number> {
    try {
      return (await stat(pathOf(fileId))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  }

  /** Appends a piece at `offset`, which must be the size so far; answers the new size. */
  async function append(fileId: string, offset: number, bytes: Uint8Array): Promise<number> {
    const size = await sizeOf(fileId);
    if (offset !== size) throw new OffsetMismatch(fileId, offset, size);
    const handle = await open(pathOf(fileId), 'a');
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return size + bytes.length;
  }

  const remove = (fileId: string) => rm(pathOf(fileId), { force: true });

  /** Removes every file no reply refers to (attached, then neither sent nor kept, before a restart). */
  async function keepOnly(fileIds: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(dir)) if (!fileIds.has(name)) await rm(path.join(dir, name), { force: true });
  }

  return { pathOf, sizeOf, append, remove, keepOnly };
}
export type OutboxFiles = ReturnType<typeof createOutboxFiles>;

export class OffsetMismatch extends Error {
  constructor(fileId: string, offset: number, size: number) {
    super(`file ${fileId} has ${size} bytes; a piece at offset ${offset} does not follow on`);
  }
}
