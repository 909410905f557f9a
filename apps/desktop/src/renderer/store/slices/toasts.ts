import type { InboxNotification } from '../../../contract/inbox-api';
import { describeError, type Slice } from '../types';
import { i18n } from '../../i18n';
import { failureText } from '../../i18n/errors';
import { formattersFor } from '../../i18n/format';
import { currentLocale } from '../../i18n';

export type Toast = {
  id: number;
  tone: 'info' | 'warning' | 'error';
  title: string;
  body: string;
  conversationId?: string;
};

export type ToastSlice = {
  toasts: Toast[];
  pushToast(toast: Omit<Toast, 'id'>): void;
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
  },
  notify(notification) {
    get().pushToast({ ...notificationText(notification), conversationId: notification.conversationId });
  },
  reportError(error) {
    const failure = describeError(error);
    get().pushToast({ tone: 'error', title: failureText(failure), body: failure.message });
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
});

/** A notification in the interface's language (the host's own words are for the OS notification). */
function notificationText(notification: InboxNotification): Pick<Toast, 'tone' | 'title' | 'body'> {
  const t = i18n.t;
  if (notification.kind === 'assigned')
    return {
      tone: 'info',
      title: t('toasts:assigned.title', { name: notification.contactName }),
      body: notification.preview ?? t('toasts:assigned.body'),
    };
  const { alert } = notification;
  const format = formattersFor(currentLocale());
  return {
    tone: 'warning',
    title: t(`toasts:sla.${alert.level}`),
    body: t('toasts:sla.body', {
      kind: t(`common:slaKind.${alert.kind}`),
      when: format.relative(alert.dueAt, Date.now()),
    }),
  };
}
