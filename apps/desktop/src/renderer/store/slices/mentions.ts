import type { MentionDTO } from '@switchboard/shared';
import { mentionsService } from '../../services/mentions.service';
import type { Slice } from '../types';

export type MentionsSlice = {
  /** Where colleagues named me in notes, newest first. */
  mentions: MentionDTO[];
  unreadMentions: number;
  loadMentions(): Promise<void>;
  /** Opens the conversation a mention is in; opening it reads its mentions. */
  openMention(mention: MentionDTO): void;
  /** Reads my unread mentions in a conversation I opened; nothing to do when it has none. */
  readMentionsIn(conversationId: string): Promise<void>;
};

export const createMentionsSlice: Slice<MentionsSlice> = (set, get) => ({
  mentions: [],
  unreadMentions: 0,

  async loadMentions() {
    try {
      const { items, unreadCount } = await mentionsService.list();
      set({ mentions: items, unreadMentions: unreadCount });
    } catch (error) {
      get().reportError(error);
    }
  },

  openMention(mention) {
    // The conversation may be the one already selected: select alone would not leave this screen.
    get().setScreen('inbox');
    get().select(mention.conversationId);
    void get().readMentionsIn(mention.conversationId);
  },

  async readMentionsIn(conversationId) {
    if (!get().mentions.some((m) => m.conversationId === conversationId && m.readAt === null)) return;
    const now = new Date().toISOString();
    // Shown read at once; the server's count follows.
    set({
      mentions: get().mentions.map((m) =>
        m.conversationId === conversationId && m.readAt === null ? { ...m, readAt: now } : m,
      ),
    });
    try {
      set({ unreadMentions: (await mentionsService.read(conversationId)).unreadCount });
    } catch (error) {
      get().reportError(error);
    }
  },
});
