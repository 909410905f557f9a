import type { ConversationDTO } from '@switchboard/shared';
import type { TimelineItem } from '../../../contract/inbox-api';
import { conversationService } from '../../services/conversation.service';
import type { Slice } from '../types';

export type ContextSlice = {
  timeline: TimelineItem[];
  /** Every conversation of the selected conversation's contact, newest first. */
  history: ConversationDTO[];
  refreshTimeline(): Promise<void>;
  refreshHistory(): Promise<void>;
};

export const createContextSlice: Slice<ContextSlice> = (set, get) => ({
  timeline: [],
  history: [],

  async refreshTimeline() {
    const id = get().selectedId;
    if (!id) return;
    const timeline = await conversationService.timeline(id).catch(() => null);
    if (timeline && get().selectedId === id) set({ timeline });
  },

  async refreshHistory() {
    const id = get().selectedId;
    const contactId = get().selectedConversation?.contact.id;
    if (!id || !contactId) return;
    const history = await conversationService.contactHistory(contactId).catch(() => null);
    if (history && get().selectedId === id) set({ history });
  },
});
