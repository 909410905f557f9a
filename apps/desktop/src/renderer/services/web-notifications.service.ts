import type { InboxNotification } from '../../contract/inbox-api';

/** Electron's main process shows OS notifications itself; in a browser the page shows Web Notifications. */
const inBrowser = () => !window.switchboard && 'Notification' in window;
const ASKED_KEY = 'switchboard.notifications.asked';

export const webNotifications = {
  /**
   * Asks for permission once, when the agent has just done something (their first send), never on load: a
   * prompt nobody asked for is the one people block.
   */
  askOnce(): void {
    if (!inBrowser() || Notification.permission !== 'default' || localStorage.getItem(ASKED_KEY)) return;
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
    void Notification.requestPermission();
  },

  /**
   * Shown only while the inbox is not in front (the toast says it otherwise); clicking opens the conversation.
   * `text` is the renderer's wording, in the agent's language.
   */
  show(notification: InboxNotification, text: { title: string; body: string }, open: () => void): void {
    if (!inBrowser() || Notification.permission !== 'granted' || document.hasFocus()) return;
    const shown = new Notification(text.title, {
      body: text.body,
      tag: `${notification.kind}:${notification.conversationId}`,
    });
    shown.onclick = () => {
      window.focus();
      open();
      shown.close();
    };
  },
};
