import {
  MEDIA_RULES,
  unfilledVariablesIn,
  type InteractiveMessage,
  type SendMessageRequest,
  type TemplateDTO,
} from '@switchboard/shared';
import type { CannedReply } from '../../../contract/inbox-api';
import { i18n } from '../../i18n';
import { attachmentService } from '../../services/attachment.service';
import { conversationService } from '../../services/conversation.service';
import { webNotifications } from '../../services/web-notifications.service';
import type { Slice } from '../types';

export type ComposerMode = 'reply' | 'note';
export type Draft = { text: string; mode: ComposerMode };
export const EMPTY_DRAFT: Draft = { text: '', mode: 'reply' };

export type ComposerSlice = {
  /** Unsent text per conversation, so switching conversations never loses what an agent was writing. */
  drafts: Record<string, Draft>;
  templates: TemplateDTO[];
  /**
   * Counts the server's word that templates changed, so Settings' list reads them again. The picker keeps what
   * it read at start: the server checks every send against the current version, and Edit on a refused one reads
   * them again.
   */
  templatesRevision: number;
  canned: CannedReply[];
  sending: boolean;
  loadComposerData(): Promise<void>;
  /** Templates changed on the server (a new version, or WhatsApp's review moved a status). */
  templatesChanged(): void;
  setDraft(conversationId: string, patch: Partial<Draft>): void;
  /**
   * Sends the draft (reply or note) of a conversation, with its attached file when there is one (the text as
   * its caption, or after it for kinds WhatsApp shows no caption on); true when the engine took it.
   */
  sendDraft(conversationId: string): Promise<boolean>;
  /** Reply buttons or a list, checked with the shared schema by the form before it gets here. */
  sendInteractive(conversationId: string, interactive: InteractiveMessage): Promise<boolean>;
  sendTemplate(
    conversationId: string,
    template: TemplateDTO,
    parameters: string[] | Record<string, string>,
  ): Promise<boolean>;
};

export const createComposerSlice: Slice<ComposerSlice> = (set, get) => {
  const send = (conversationId: string, request: SendMessageRequest) =>
    sendWith(() => conversationService.send(conversationId, request));

  /**
   * The files attached to a conversation into the outbox, one reply each, in order. The text is the caption of
   * the first file that takes one (as WhatsApp Web does), or a reply of its own after them when none does. A
   * send that fails leaves that file and those after it on the composer; the caption, once sent, leaves the draft.
   */
  const sendAttachments = async (conversationId: string, text: string) => {
    const files = get().attachments[conversationId] ?? [];
    const captionAt = text ? files.findIndex((a) => MEDIA_RULES[a.kind].caption) : -1;
    for (const [i, attachment] of files.entries()) {
      const { fileId: id, name: filename, mimeType, size } = attachment;
      const sent = await sendWith(() =>
        attachmentService.send(conversationId, {
          type: 'file',
          file: { id, filename, mimeType, size },
          ...(i === captionAt ? { caption: text } : {}),
        }),
      );
      if (!sent) return false;
      get().attachmentSent(conversationId, id);
      if (i === captionAt) get().setDraft(conversationId, { text: '' });
    }
    return captionAt >= 0 || !text ? true : send(conversationId, { type: 'text', body: text });
  };

  const sendWith = async (work: () => Promise<unknown>) => {
    set({ sending: true });
    try {
      await work();
      // The reply is in the engine's outbox now: show it as pending at once.
      void get().refreshThread();
      return true;
    } catch (error) {
      get().reportError(error);
      return false;
    } finally {
      set({ sending: false });
    }
  };

  return {
    drafts: {},
    templates: [],
    templatesRevision: 0,
    canned: [],
    sending: false,

    async loadComposerData() {
      const [templates, canned] = await Promise.all([
        conversationService.templates().catch(() => []),
        conversationService.cannedReplies().catch(() => []),
      ]);
      set({ templates: templates.filter((t) => t.status === 'approved'), canned });
    },

    templatesChanged() {
      set({ templatesRevision: get().templatesRevision + 1 });
    },

    setDraft(conversationId, patch) {
      const drafts = get().drafts;
      set({ drafts: { ...drafts, [conversationId]: { ...(drafts[conversationId] ?? EMPTY_DRAFT), ...patch } } });
    },

    async sendDraft(conversationId) {
      const draft = get().drafts[conversationId] ?? EMPTY_DRAFT;
      const body = draft.text.trim();
      const files = draft.mode === 'reply' ? (get().attachments[conversationId] ?? []) : [];
      if (files.some((a) => a.state === 'staging') || (!body && files.length === 0)) return false;
      const unfilled = unfilledVariablesIn(body);
      if (unfilled.length > 0) {
        const variables = unfilled.map((v) => `{{${v}}}`).join(', ');
        get().pushToast({ tone: 'error', title: i18n.t('composer:unfilled', { variables }), body: '' });
        return false;
      }
      webNotifications.askOnce();
      get().stopTyping();
      const sent =
        files.length > 0
          ? await sendAttachments(conversationId, body)
          : await send(conversationId, draft.mode === 'note' ? { type: 'note', body } : { type: 'text', body });
      if (sent) get().setDraft(conversationId, { text: '' });
      return sent;
    },

    sendInteractive: (conversationId, interactive) => send(conversationId, { type: 'interactive', interactive }),

    sendTemplate: (conversationId, template, parameters) =>
      send(conversationId, {
        type: 'template',
        template: { name: template.name, language: template.language, parameters },
      }),
  };
};
