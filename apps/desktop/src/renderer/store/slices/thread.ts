import type { ConversationDTO } from '@switchboard/shared';
import type { ConversationAction, ThreadState } from '../../../contract/inbox-api';
import { i18n } from '../../i18n';
import { conversationService } from '../../services/conversation.service';
import { describeError, type Slice, type Store } from '../types';
import { NO_CONTACT } from './contact';
import { openConversationInView, withoutUnread } from './inbox';
import type { Failure } from '../../i18n/errors';

export type HandOverAction = Extract<ConversationAction, { type: 'transfer' | 'assign' }>;

export type ThreadSlice = {
  selectedId: string | null;
  /** The selected conversation as last fetched; the list's copy wins when it is there (it is fresher). */
  selectedConversation: ConversationDTO | null;
  thread: ThreadState | null;
  threadError: Failure | null;
  select(conversationId: string | null): void;
  selectRelative(step: 1 | -1): void;
  refreshThread(): Promise<void>;
  /** The open conversation changed: show it, and count what arrived as read (the agent is looking at it). */
  threadChanged(conversationId: string): void;
  /** The agent looks at the open conversation again (the window got their focus back): all of it is read. */
  readOpenConversation(): void;
  refreshSelected(): Promise<void>;
  act(action: ConversationAction, conversationId?: string): Promise<boolean>;
  /**
   * Transfers or assigns like `act`, but a refusal because the teammate is at capacity, when this user may
   * confirm going over (supervisors and admins), comes back as `over-capacity` for the dialog to ask about.
   */
  handOver(action: HandOverAction, conversationId?: string): Promise<'done' | 'failed' | 'over-capacity'>;
  /**
   * Resolves after a short grace with an Undo toast. It waits rather than resolving and reopening on Undo:
   * a resolve sends the customer a satisfaction survey and frees the agent's slot for routing at once,
   * and neither can be taken back. An open conversation only; pressing again during the grace does nothing.
   */
  resolveWithUndo(conversationId?: string): void;
  /** The resolves waiting out their grace, by conversation: each settles at once when called. */
  resolving: Record<string, (resolve: boolean) => Promise<void>>;
  /** Sends every waiting resolve now (the window closes, the agent signs out): leaving is not an Undo. */
  resolvePending(): Promise<void>;
};

/** How long an agent has to undo a resolve before it reaches the server (the toast shows for longer). */
export const RESOLVE_UNDO_MS = 5_000;

export const createThreadSlice: Slice<ThreadSlice> = (set, get) => ({
  selectedId: null,
  selectedConversation: null,
  thread: null,
  threadError: null,
  resolving: {},

  select(conversationId) {
    if (conversationId === get().selectedId) return;
    set({
      selectedId: conversationId,
      thread: null,
      threadError: null,
      timeline: [],
      history: [],
      ...NO_CONTACT,
      selectedConversation: null,
      screen: 'inbox',
      items: withoutUnread(get().items, conversationId),
    });
    if (!conversationId) return;
    void get().refreshSelected();
    void get().refreshThread();
    void get().refreshTimeline();
    void conversationService.markRead(conversationId).catch(() => undefined);
    void get().readMentionsIn(conversationId);
  },

  selectRelative(step) {
    const { items, selectedId } = get();
    if (items.length === 0) return;
    const at = items.findIndex((c) => c.id === selectedId);
    const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
    get().select(items[next]!.id);
  },

  async refreshThread() {
    const id = get().selectedId;
    if (!id) return;
    try {
      const thread = await conversationService.thread(id);
      if (get().selectedId === id) set({ thread, threadError: null });
    } catch (error) {
      if (get().selectedId === id) set({ threadError: describeError(error) });
    }
  },

  threadChanged(conversationId) {
    if (conversationId !== get().selectedId) return;
    void get().refreshThread();
    get().readOpenConversation();
  },

  readOpenConversation() {
    const id = openConversationInView(get());
    if (!id) return;
    set({ items: withoutUnread(get().items, id) });
    void conversationService.markRead(id).catch(() => undefined);
  },

  async refreshSelected() {
    const id = get().selectedId;
    if (!id) return;
    const conversation = await conversationService.get(id).catch(() => null);
    if (get().selectedId !== id || !conversation) return;
    const before = get().selectedConversation?.contact;
    const contactChanged = conversation.contact.id !== before?.id;
    set({ selectedConversation: conversation });
    if (contactChanged) void get().refreshHistory();
    // Someone changed the profile (here or elsewhere): its history has a new entry.
    if (contactChanged || conversation.contact.updatedAt !== before?.updatedAt) void get().refreshContactChanges();
  },

  resolveWithUndo(conversationId = get().selectedId ?? undefined) {
    if (!conversationId || get().resolving[conversationId]) return;
    const known = get().items.find((c) => c.id === conversationId) ?? get().selectedConversation;
    if (known?.id === conversationId && known.status !== 'open') return;
    const settle = async (resolve: boolean) => {
      if (get().resolving[conversationId] !== settle) return;
      clearTimeout(timer);
      set({ resolving: Object.fromEntries(Object.entries(get().resolving).filter(([id]) => id !== conversationId)) });
      get().dismissToast(toast);
      if (resolve) await get().act({ type: 'resolve' }, conversationId);
    };
    const timer = setTimeout(() => void settle(true), RESOLVE_UNDO_MS);
    set({ resolving: { ...get().resolving, [conversationId]: settle } });
    const toast = get().pushToast({
      tone: 'info',
      title: i18n.t('toasts:resolving.title'),
      body: i18n.t('toasts:resolving.body'),
      conversationId,
      action: { label: i18n.t('toasts:resolving.undo'), run: () => void settle(false) },
    });
  },

  async resolvePending() {
    await Promise.all(Object.values(get().resolving).map((settle) => settle(true)));
  },

  async act(action, conversationId = get().selectedId ?? undefined) {
    return (await attempt(get, set, conversationId, action, () => false)) === 'done';
  },

  async handOver(action, conversationId = get().selectedId ?? undefined) {
    const confirmable = (error: unknown) =>
      describeError(error).code === 'OVER_CAPACITY' && get().user?.role !== 'agent';
    return attempt(get, set, conversationId, action, confirmable);
  },
});

/**
 * Acts on the conversation and shows the server's answer. A failure is reported in a toast, unless it is an
 * over-capacity refusal the user may confirm (`confirmable`): that one goes back to the dialog to ask.
 */
async function attempt(
  get: () => Store,
  set: (partial: Partial<Store>) => void,
  conversationId: string | undefined,
  action: ConversationAction,
  confirmable: (error: unknown) => boolean,
): Promise<'done' | 'failed' | 'over-capacity'> {
  if (!conversationId) return 'failed';
  try {
    const updated = await conversationService.act(conversationId, action);
    if (get().selectedId === conversationId) set({ selectedConversation: updated });
    void get().refreshList();
    return 'done';
  } catch (error) {
    if (confirmable(error)) return 'over-capacity';
    get().reportError(error);
    return 'failed';
  }
}
