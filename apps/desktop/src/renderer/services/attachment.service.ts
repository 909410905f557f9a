import { ATTACHMENT_PIECE_BYTES, type FileReply } from '../../contract/inbox-api';
import { bridge } from './bridge';

/** Bytes as base64 without building one string per byte (files run to 100 MB). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const attachmentService = {
  /** Hands the file to the host piece by piece, where it is kept on disk; `onProgress` hears the bytes so far. */
  async stage(fileId: string, file: Blob, onProgress: (bytes: number) => void): Promise<void> {
    for (let offset = 0; offset < file.size; offset += ATTACHMENT_PIECE_BYTES) {
      const piece = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_PIECE_BYTES).arrayBuffer());
      const { size } = await bridge.api.invoke('attachment:write', fileId, offset, toBase64(piece));
      onProgress(size);
    }
  },
  discard: (fileId: string) => bridge.api.invoke('attachment:discard', fileId),
  send: (conversationId: string, reply: FileReply) => bridge.api.invoke('reply:send-file', conversationId, reply),
};
