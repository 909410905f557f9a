import { unfilledVariablesIn, type SendMessageRequest, type TemplateDTO } from '@switchboard/shared';
import type { CannedReply } from '../../../contract/inbox-api';
import { i18n } from '../../i18n';
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
  canned: CannedReply[];
  sending: boolean;
  loadComposerData(): Promise<void>;
  setDraft(conversationId: string, patch: Partial<Draft>): void;
  /** Sends the draft (reply or note) of a conversation; true when the engine took it. */
  sendDraft(conversationId: string): Promise<boolean>;
  sendTemplate(
    conversationId: string,
    template: TemplateDTO,
    parameters: string[] | Record<string, string>,
  ): Promise<boolean>;
};

export const createComposerSlice: Slice<ComposerSlice> = (set, get) => {
  const send = async (conversationId: string, request: SendMessageRequest) => {
    set({ sending: true });
    try {
      await conversationService.send(conversationId, request);
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
    canned: [],
    sending: false,

    async loadComposerData() {
      const [templates, canned] = await Promise.all([
        conversationService.templates().catch(() => []),
        conversationService.cannedReplies().catch(() => []),
      ]);
      set({ templates: templates.filter((t) => t.status === 'approved'), canned });
    },

    setDraft(conversationId, patch) {
      const drafts = get().drafts;
      set({ drafts: { ...drafts, [conversationId]: { ...(drafts[conversationId] ?? EMPTY_DRAFT), ...patch } } });
    },

    async sendDraft(conversationId) {
      const draft = get().drafts[conversationId] ?? EMPTY_DRAFT;
      const body = draft.text.trim();
      if (!body) return false;
      const unfilled = unfilledVariablesIn(body);
      if (unfilled.length > 0) {
        const variables = unfilled.map((v) => `{{${v}}}`).join(', ');
        get().pushToast({ tone: 'error', title: i18n.t('composer:unfilled', { variables }), body: '' });
        return false;
      }
      webNotifications.askOnce();
      const sent = await send(conversationId, draft.mode === 'note' ? { type: 'note', body } : { type: 'text', body });
      if (sent) get().setDraft(conversationId, { text: '' });
      return sent;
    },

    sendTemplate: (conversationId, template, parameters) =>
      send(conversationId, {
        type: 'template',
        template: { name: template.name, language: template.language, parameters },
      }),
  };
};
