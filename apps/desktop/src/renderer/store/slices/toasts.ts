import type { InboxNotification } from '../../../contract/inbox-api';
import { describeError, type Slice } from '../types';
import { currentLocale, i18n } from '../../i18n';
import { failureText } from '../../i18n/errors';
import { formattersFor } from '../../i18n/format';
import { webNotifications } from '../../services/web-notifications.service';

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
    const text = notificationText(notification);
    webNotifications.show(notification, text, () => get().select(notification.conversationId));
    get().pushToast({ ...text, conversationId: notification.conversationId });
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
  if (notification.kind === 'mention')
    return {
      tone: 'info',
      title: t('toasts:mention.title', {
        author: notification.mention.author.name,
        contact: notification.mention.contactName,
      }),
      body: notification.mention.excerpt,
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
