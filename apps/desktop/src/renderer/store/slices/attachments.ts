import type { MediaKind } from '@switchboard/shared';
import type { UploadProgress } from '../../../contract/inbox-api';
import { checkPickedFile } from '../../lib/attachment-check';
import { attachmentService } from '../../services/attachment.service';
import { i18n } from '../../i18n';
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

/** Files one reply takes at most; each goes to WhatsApp as a message of its own, as WhatsApp Web sends them. */
export const MAX_ATTACHMENTS = 10;

export type AttachmentsSlice = {
  /** The files attached to each conversation's composer, in the order they were offered. */
  attachments: Record<string, Attachment[]>;
  /** Why the last file offered to a conversation was not attached (naming the file and WhatsApp's limit). */
  attachmentErrors: Record<string, string>;
  /** Pictures of files this window attached, by file id, so their bubbles show them before the server has them. */
  filePreviews: Record<string, string>;
  /** How far each file reply's upload has got, by clientMessageId. */
  uploads: Record<string, UploadProgress>;
  /** Checks the file against WhatsApp's limits, then keeps it on the host beside those attached; true when attached. */
  attachFile(conversationId: string, file: File): Promise<boolean>;
  /** Attaches each file in turn (a drop, a paste or a pick of several); a refused one does not stop the rest. */
  attachFiles(conversationId: string, files: readonly File[]): Promise<void>;
  /** Takes a file off the composer and drops it from the host. */
  removeAttachment(conversationId: string, fileId: string): Promise<void>;
  /** The file went into the outbox with its reply: off the composer, but kept on the host. */
  attachmentSent(conversationId: string, fileId: string): void;
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
  const filesOf = (conversationId: string) => get().attachments[conversationId] ?? [];
  const isAttached = (conversationId: string, fileId: string) =>
    filesOf(conversationId).some((a) => a.fileId === fileId);
  const setFiles = (conversationId: string, files: Attachment[]) =>
    set({
      attachments:
        files.length > 0
          ? { ...get().attachments, [conversationId]: files }
          : without(get().attachments, conversationId),
    });
  const patch = (conversationId: string, fileId: string, change: Partial<Attachment>) => {
    if (!isAttached(conversationId, fileId)) return;
    setFiles(
      conversationId,
      filesOf(conversationId).map((a) => (a.fileId === fileId ? { ...a, ...change } : a)),
    );
  };
  const drop = (conversationId: string, fileId: string) =>
    setFiles(
      conversationId,
      filesOf(conversationId).filter((a) => a.fileId !== fileId),
    );
  const refuse = (conversationId: string, message: string) =>
    set({ attachmentErrors: { ...get().attachmentErrors, [conversationId]: message } });

  return {
    attachments: {},
    attachmentErrors: {},
    filePreviews: {},
    uploads: {},

    async attachFile(conversationId, file) {
      const verdict = checkPickedFile(file);
      if (!verdict.ok) {
        refuse(conversationId, verdict.message);
        return false;
      }
      if (filesOf(conversationId).length >= MAX_ATTACHMENTS) {
        refuse(conversationId, i18n.t('composer:attach.tooMany', { name: file.name, count: MAX_ATTACHMENTS }));
        return false;
      }
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
        attachments: { ...get().attachments, [conversationId]: [...filesOf(conversationId), attachment] },
        attachmentErrors: without(get().attachmentErrors, conversationId),
        ...(preview ? { filePreviews: { ...get().filePreviews, [fileId]: preview } } : {}),
      });
      try {
        await attachmentService.stage(fileId, file, (stagedBytes) => patch(conversationId, fileId, { stagedBytes }));
        patch(conversationId, fileId, { state: 'ready' });
        return true;
      } catch (error) {
        // Removed while it was being handed over: the host dropped it, so the next piece had nowhere to go.
        if (!isAttached(conversationId, fileId)) return false;
        drop(conversationId, fileId);
        get().reportError(error);
        return false;
      }
    },

    async attachFiles(conversationId, files) {
      const refusals: string[] = [];
      for (const file of files) {
        if (await get().attachFile(conversationId, file)) continue;
        const why = get().attachmentErrors[conversationId];
        if (why && !refusals.includes(why)) refusals.push(why);
      }
      // A file attached after a refused one would clear its reason: every refusal stays in view.
      if (refusals.length > 0) refuse(conversationId, refusals.join(' '));
    },

    async removeAttachment(conversationId, fileId) {
      if (!isAttached(conversationId, fileId)) return;
      drop(conversationId, fileId);
      await attachmentService.discard(fileId).catch(() => undefined);
    },

    attachmentSent: drop,

    dismissAttachmentError: (conversationId) =>
      set({ attachmentErrors: without(get().attachmentErrors, conversationId) }),

    applyUploadProgress: (progress) => set({ uploads: { ...get().uploads, [progress.clientMessageId]: progress } }),
  };
};
