import type { InboxItem, InboxSort, InboxView, ReplyCounts } from '../../../contract/inbox-api';
import { conversationService } from '../../services/conversation.service';
import { describeError, type Slice } from '../types';
import type { Failure } from '../../i18n/errors';

export type Screen = 'inbox' | 'search' | 'board' | 'dead-letters' | 'mentions' | 'reports' | 'settings';

export type InboxSlice = {
  screen: Screen;
  view: InboxView;
  sort: InboxSort;
  search: string;
  items: InboxItem[];
  /** This device's replies that have not gone, across every conversation (not only the listed ones). */
  replyCounts: ReplyCounts;
  /** Unread messages in the agent's own conversations, as the tray and the dock badge count them. */
  unread: number;
  listLoaded: boolean;
  listError: Failure | null;
  shortcutsOpen: boolean;
  /** Bumped to ask a component to take focus (the search box, the composer). */
  focusRequest: { target: 'search' | 'composer'; n: number };
  startInbox(): void;
  setScreen(screen: Screen): void;
  setView(view: InboxView): void;
  setSort(sort: InboxSort): void;
  setSearch(search: string): void;
  refreshList(): Promise<void>;
  toggleShortcuts(open?: boolean): void;
  requestFocus(target: 'search' | 'composer'): void;
};

let listRequest = 0;

/** The agent is looking at the open conversation: the inbox shows it and the window has their focus. */
export const openConversationInView = (state: { screen: Screen; selectedId: string | null }): string | null =>
  state.screen === 'inbox' && document.hasFocus() ? state.selectedId : null;

/**
 * The open conversation in view has nothing unread, whatever the list read a moment before: the engine's read
 * mark follows as soon as its `markRead` lands, and a list read before that must not show the count again.
 */
export const withoutUnread = (items: InboxItem[], conversationId: string | null): InboxItem[] =>
  conversationId && items.some((c) => c.id === conversationId && c.unreadCount > 0)
    ? items.map((c) => (c.id === conversationId ? { ...c, unreadCount: 0 } : c))
    : items;

export const createInboxSlice: Slice<InboxSlice> = (set, get) => ({
  screen: 'inbox',
  view: 'mine',
  sort: 'priority',
  search: '',
  items: [],
  replyCounts: { pending: 0, failed: 0 },
  unread: 0,
  listLoaded: false,
  listError: null,
  shortcutsOpen: false,
  focusRequest: { target: 'search', n: 0 },

  startInbox() {
    void get().refreshList();
    void get().loadComposerData();
    void get().loadMentions();
    void get().loadSendHealth();
  },
  setScreen(screen) {
    set({ screen });
    if (screen === 'board') void get().loadBoard();
    if (screen === 'dead-letters') {
      void get().loadDeadLetters();
      void get().loadInboundDeadLetters();
    }
    if (screen === 'mentions') void get().loadMentions();
    if (screen === 'reports') get().openReports();
  },
  setView(view) {
    set({ view, screen: 'inbox' });
    void get().refreshList();
  },
  setSort(sort) {
    set({ sort });
    void get().refreshList();
  },
  setSearch(search) {
    set({ search });
    void get().refreshList();
  },

  async refreshList() {
    const mine = ++listRequest;
    const { view, sort, search } = get();
    try {
      const [items, replyCounts, unread] = await Promise.all([
        conversationService.list({ view, sort, ...(search.trim() ? { search: search.trim() } : {}) }),
        conversationService.replyCounts(),
        conversationService.unread(),
      ]);
      // An older answer arriving after a newer request must not overwrite it.
      if (mine === listRequest)
        set({
          items: withoutUnread(items, openConversationInView(get())),
          replyCounts,
          unread,
          listLoaded: true,
          listError: null,
        });
    } catch (error) {
      if (mine === listRequest) set({ listError: describeError(error), listLoaded: true });
    }
  },

  toggleShortcuts: (open) => set({ shortcutsOpen: open ?? !get().shortcutsOpen }),
  requestFocus: (target) => set({ focusRequest: { target, n: get().focusRequest.n + 1 } }),
});
