import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';
import type { InboxService } from '../service/inbox-service.js';

/** A 16x16 blue dot: the tray icon needs an image and the app ships no icon files of its own yet. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAO0lEQVR4nGNgoAVQTX79HxumSDNRhhDSjNcQYjVjNYRUzRiGjBpABQMojkaqJCRiDcGrmZAhRGkmFQAAHHZ9iEZhgj0AAAAASUVORK5CYII=';
const RECOUNT_DELAY_MS = 500;

/** The tray icon with the number of unread messages in the agent's own conversations. */
export function createUnreadTray(service: InboxService, window: () => BrowserWindow | null): () => void {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  const show = () => {
    const w = window();
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };
  tray.setContextMenu(
    Menu.buildFromTemplate([{ label: 'Open Switchboard', click: show }, { type: 'separator' }, { role: 'quit' }]),
  );
  tray.on('click', show);

  let timer: NodeJS.Timeout | undefined;
  const recount = async () => {
    const result = await service.invoke('inbox:unread', []);
    const unread = result.ok ? (result.data as number) : 0;
    tray.setToolTip(unread > 0 ? `Switchboard: ${unread} unread` : 'Switchboard');
    tray.setTitle(unread > 0 ? String(unread) : '');
    app.setBadgeCount(unread);
  };
  const stop = service.onPush((push) => {
    if (push !== 'conversations-changed' && push !== 'session-changed') return;
    // A resync changes many conversations at once: count once it settles.
    clearTimeout(timer);
    timer = setTimeout(() => void recount(), RECOUNT_DELAY_MS);
  });
  void recount();
  return () => {
    clearTimeout(timer);
    stop();
    tray.destroy();
  };
}
