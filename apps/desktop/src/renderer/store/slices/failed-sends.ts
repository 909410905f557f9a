import type { ErrorIssue, MessageDTO, SendMessageRequest, TemplateParameterValues } from '@switchboard/shared';
import type { OutboxRequest, PendingReply } from '../../../contract/inbox-api';
import { conversationService } from '../../services/conversation.service';
import type { Slice } from '../types';

/** What failed: a reply the server refused (still in this device's outbox), or a message WhatsApp did not deliver. */
export type FailedSend = { kind: 'reply'; clientMessageId: string } | { kind: 'message'; messageId: string };

/** A failed template reopened in the form, with its values and the parameters the server named. */
export type TemplateEdit = {
  conversationId: string;
  name: string;
  language: string;
  parameters: TemplateParameterValues;
  issues: ErrorIssue[];
  failed: FailedSend;
};

export type FailedSendsSlice = {
  templateEdit: TemplateEdit | null;
  /** A refused reply is tried again as it is in the outbox; a message WhatsApp did not deliver is sent again as `request`. */
  retryFailed(conversationId: string, failed: FailedSend, request: OutboxRequest): Promise<void>;
  discardFailed(conversationId: string, failed: FailedSend): Promise<void>;
  /** Reopens the template form with the failed send's values (and the newest catalogue). */
  editFailed(edit: TemplateEdit): void;
  closeTemplateEdit(): void;
  /** Sends the edited template in place of the failed one; true when the engine took it. */
  sendEdited(edit: TemplateEdit, request: SendMessageRequest): Promise<boolean>;
};

export const failedReply = (reply: PendingReply): FailedSend => ({
  kind: 'reply',
  clientMessageId: reply.clientMessageId,
});
export const failedMessage = (message: MessageDTO): FailedSend => ({ kind: 'message', messageId: message.id });

export const createFailedSendsSlice: Slice<FailedSendsSlice> = (set, get) => {
  const settle = async (conversationId: string, failed: FailedSend, request: SendMessageRequest | undefined) => {
    if (failed.kind === 'message') await conversationService.settleFailure(conversationId, failed.messageId, request);
    else if (request) await conversationService.replace(failed.clientMessageId, request);
    else await conversationService.discard(failed.clientMessageId);
  };
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void get().refreshThread();
      return true;
    } catch (error) {
      get().reportError(error);
      return false;
    }
  };

  return {
    templateEdit: null,

    retryFailed: async (conversationId, failed, request) =>
      void (await run(() =>
        failed.kind === 'reply'
          ? conversationService.retry(failed.clientMessageId)
          : settle(conversationId, failed, request.type === 'file' ? undefined : request),
      )),

    discardFailed: async (conversationId, failed) => void (await run(() => settle(conversationId, failed, undefined))),

    editFailed(edit) {
      set({ templateEdit: edit });
      void get().loadComposerData();
    },

    closeTemplateEdit: () => set({ templateEdit: null }),

    async sendEdited(edit, request) {
      const sent = await run(() => settle(edit.conversationId, edit.failed, request));
      if (sent) set({ templateEdit: null });
      return sent;
    },
  };
};
