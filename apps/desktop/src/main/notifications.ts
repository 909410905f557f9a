import { Notification, type BrowserWindow } from 'electron';
import type { InboxNotification } from '../contract/inbox-api.js';
import type { InboxService } from '../service/inbox-service.js';

/** A new assignment or an SLA warning, as a desktop notification; clicking it brings the window forward. */
export function showNotifications(service: InboxService, window: () => BrowserWindow | null): () => void {
  return service.onPush((push, payload) => {
    if (push !== 'notification' || !Notification.isSupported()) return;
    const notification = payload[0] as InboxNotification;
    const shown = new Notification({
      title: notification.title,
      body: notification.body,
      urgency: notification.kind === 'sla' ? 'critical' : 'normal',
    });
    shown.on('click', () => {
      const w = window();
      w?.show();
      w?.focus();
    });
    shown.show();
  });
}
