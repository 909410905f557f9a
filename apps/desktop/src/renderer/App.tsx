import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from './store';
import { wirePushes } from './store/wire-pushes';
import { Login } from './components/Login/Login';
import { Shell } from './components/Shell/Shell';
import { Toasts } from './components/Toasts/Toasts';
import { ShortcutsHelp } from './components/Shortcuts/ShortcutsHelp';
import { useShortcuts } from './components/Shortcuts/useShortcuts';

export function App() {
  const user = useStore((s) => s.user);
  const sessionKnown = useStore((s) => s.sessionKnown);
  const { t } = useTranslation();
  useShortcuts();

  useEffect(() => {
    const unwire = wirePushes();
    void useStore.getState().loadSession();
    // A resolve still in its Undo grace goes out as the window closes or reloads, rather than being lost.
    const leaving = () => void useStore.getState().resolvePending();
    window.addEventListener('pagehide', leaving);
    // Back at the window: what arrived in the open conversation meanwhile is in front of the agent now.
    const back = () => useStore.getState().readOpenConversation();
    window.addEventListener('focus', back);
    return () => {
      unwire();
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('focus', back);
    };
  }, []);

  if (!sessionKnown) return <div className="empty-state">{t('opening')}</div>;
  return (
    <>
      {user ? <Shell /> : <Login />}
      <ShortcutsHelp />
      <Toasts />
    </>
  );
}
