import { createHash } from 'node:crypto';
import { graphObjectId } from './ids.js';

export interface StoredMedia {
  id: string;
  mimeType: string;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes, as the media metadata endpoint reports it. */
  sha256: string;
  filename?: string;
}

export interface RegisterMediaInput {
  id?: string;
  mimeType: string;
  bytes: Buffer | Uint8Array | string;
  filename?: string;
}

/** In-memory stand-in for Meta's media storage, keyed by Graph media id. */
export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();

  register(input: RegisterMediaInput): string {
    const bytes = Buffer.from(input.bytes);
    const id = input.id ?? graphObjectId();
    this.items.set(id, {
      id,
      mimeType: input.mimeType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...(input.filename ? { filename: input.filename } : {}),
    });
    return id;
  }

  get(id: string): StoredMedia | undefined {
    return this.items.get(id);
  }
}
