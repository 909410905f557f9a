import type { InboxNotification } from '../../../contract/inbox-api';
import { describeError, type Slice } from '../types';

export type Toast = {
  id: number;
  tone: 'info' | 'warning' | 'error';
  title: string;
  body: string;
  conversationId?: string;
  /** A button on the toast ("Undo"); pressing it runs this and closes the toast. */
  action?: { label: string; run: () => void };
};

export type ToastSlice = {
  toasts: Toast[];
  /** Shows a toast for a few seconds; returns its id. */
  pushToast(toast: Omit<Toast, 'id'>): number;
  notify(notification: InboxNotification): void;
  reportError(error: unknown): void;
  dismissToast(id: number): void;
};

const TOAST_LIFETIME_MS = 6_000;
const MAX_TOASTS = 4;
let nextToastId = 1;

export const createToastSlice: Slice<ToastSlice> = (set, get) => ({
  toasts: [],
  pushToast(toast) {
    const id = nextToastId++;
    set({ toasts: [...get().toasts, { ...toast, id }].slice(-MAX_TOASTS) });
    setTimeout(() => get().dismissToast(id), TOAST_LIFETIME_MS);
    return id;
  },
  notify(notification) {
    get().pushToast({
      tone: notification.kind === 'sla' ? 'warning' : 'info',
      title: notification.title,
      body: notification.body,
      conversationId: notification.conversationId,
    });
  },
  reportError(error) {
    get().pushToast({ tone: 'error', title: 'That did not work', body: describeError(error) });
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
});
