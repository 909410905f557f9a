import { useEffect } from 'react';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';

const APP_NAME = 'Switchboard';

/**
 * The window's title counts the unread messages in the agent's own conversations, "(3) Switchboard", as the tray
 * and the dock badge do (the same count: `inbox:unread`), so a taskbar or a browser tab shows it too.
 */
export function useUnreadTitle(): void {
  const unread = useStore((s) => s.unread);
  const format = useFormat();
  useEffect(() => {
    document.title = unread > 0 ? `(${format.number(unread)}) ${APP_NAME}` : APP_NAME;
    return () => {
      document.title = APP_NAME;
    };
  }, [unread, format]);
}
