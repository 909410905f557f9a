import type { MediaKind } from '@switchboard/shared';
import type { UploadProgress } from '../../../contract/inbox-api';
import { checkPickedFile } from '../../lib/attachment-check';
import { attachmentService } from '../../services/attachment.service';
import type { Slice } from '../types';

/** A file attached to a conversation's composer: handed to the host piece by piece, then ready to send. */
export type Attachment = {
  fileId: string;
  name: string;
  mimeType: string;
  kind: MediaKind;
  size: number;
  /** Bytes the host has kept so far. */
  stagedBytes: number;
  state: 'staging' | 'ready';
};

export type AttachmentsSlice = {
  attachments: Record<string, Attachment>;
  /** Why the last file offered to a conversation was not attached (naming the file and WhatsApp's limit). */
  attachmentErrors: Record<string, string>;
  /** Pictures of files this window attached, by file id, so their bubbles show them before the server has them. */
  filePreviews: Record<string, string>;
  /** How far each file reply's upload has got, by clientMessageId. */
  uploads: Record<string, UploadProgress>;
  /** Checks the file against WhatsApp's limits, then keeps it on the host; true when it is attached. */
  attachFile(conversationId: string, file: File): Promise<boolean>;
  /** Takes the file off the composer and drops it from the host. */
  removeAttachment(conversationId: string): Promise<void>;
  /** The file went into the outbox with its reply: off the composer, but kept on the host. */
  attachmentSent(conversationId: string): void;
  dismissAttachmentError(conversationId: string): void;
  applyUploadProgress(progress: UploadProgress): void;
};

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

const previewOf = (file: File, kind: MediaKind) =>
  (kind === 'image' || kind === 'sticker') && typeof URL.createObjectURL === 'function'
    ? URL.createObjectURL(file)
    : null;

export const createAttachmentsSlice: Slice<AttachmentsSlice> = (set, get) => {
  const patch = (conversationId: string, fileId: string, change: Partial<Attachment>) => {
    const current = get().attachments[conversationId];
    if (current?.fileId !== fileId) return;
    set({ attachments: { ...get().attachments, [conversationId]: { ...current, ...change } } });
  };

  return {
    attachments: {},
    attachmentErrors: {},
    filePreviews: {},
    uploads: {},

    async attachFile(conversationId, file) {
      const verdict = checkPickedFile(file);
      if (!verdict.ok) {
        set({ attachmentErrors: { ...get().attachmentErrors, [conversationId]: verdict.message } });
        return false;
      }
      await get().removeAttachment(conversationId);
      const fileId = crypto.randomUUID();
      const attachment: Attachment = {
        fileId,
        name: file.name,
        mimeType: verdict.mimeType,
        kind: verdict.kind,
        size: file.size,
        stagedBytes: 0,
        state: 'staging',
      };
      const preview = previewOf(file, verdict.kind);
      set({
        attachments: { ...get().attachments, [conversationId]: attachment },
        attachmentErrors: without(get().attachmentErrors, conversationId),
        ...(preview ? { filePreviews: { ...get().filePreviews, [fileId]: preview } } : {}),
      });
      try {
        await attachmentService.stage(fileId, file, (stagedBytes) => patch(conversationId, fileId, { stagedBytes }));
        patch(conversationId, fileId, { state: 'ready' });
        return true;
      } catch (error) {
        // Removed while it was being handed over: the host dropped it, so the next piece had nowhere to go.
        if (get().attachments[conversationId]?.fileId !== fileId) return false;
        set({ attachments: without(get().attachments, conversationId) });
        get().reportError(error);
        return false;
      }
    },

    async removeAttachment(conversationId) {
      const attachment = get().attachments[conversationId];
      if (!attachment) return;
      set({ attachments: without(get().attachments, conversationId) });
      await attachmentService.discard(attachment.fileId).catch(() => undefined);
    },

    attachmentSent: (conversationId) => set({ attachments: without(get().attachments, conversationId) }),

    dismissAttachmentError: (conversationId) =>
      set({ attachmentErrors: without(get().attachmentErrors, conversationId) }),

    applyUploadProgress: (progress) => set({ uploads: { ...get().uploads, [progress.clientMessageId]: progress } }),
  };
};
