import { useEffect } from 'react';
import { useStore } from '../../store';

/** Whether a key press belongs to a text field (so "j" types a j there instead of moving the list). */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `does` names the sentence in the shortcuts namespace; the keys are the same in every language. */
export const SHORTCUTS = [
  { keys: 'j / k', does: 'move' },
  { keys: 'c', does: 'claim' },
  { keys: 'e', does: 'resolve' },
  { keys: 'r', does: 'reply' },
  { keys: 'n', does: 'note' },
  { keys: '/', does: 'search' },
  { keys: 'Enter', does: 'send' },
  { keys: '?', does: 'help' },
  { keys: 'Esc', does: 'leave' },
] as const;

export function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      const s = useStore.getState();
      if (event.key === 'Escape') return s.toggleShortcuts(false);
      // Another dialog has the keyboard (the shortcut list itself still toggles with ?).
      if (document.querySelector('.dialog-backdrop') && !(s.shortcutsOpen && event.key === '?')) return;
      const compose = (mode: 'reply' | 'note') => {
        if (!s.selectedId) return;
        s.setDraft(s.selectedId, { mode });
        s.requestFocus('composer');
      };
      const actions: Record<string, () => void> = {
        j: () => s.selectRelative(1),
        k: () => s.selectRelative(-1),
        c: () => void s.act({ type: 'claim' }),
        e: () => s.resolveWithUndo(),
        r: () => compose('reply'),
        n: () => compose('note'),
        '/': () => s.requestFocus('search'),
        '?': () => s.toggleShortcuts(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
