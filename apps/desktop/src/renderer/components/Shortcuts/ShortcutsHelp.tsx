import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { SHORTCUTS } from './useShortcuts';

export function ShortcutsHelp() {
  const { t } = useTranslation('shortcuts');
  const open = useStore((s) => s.shortcutsOpen);
  const toggle = useStore((s) => s.toggleShortcuts);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onMouseDown={() => toggle(false)}>
      <div className="dialog" role="dialog" aria-label={t('title')}>
        <h2>{t('title')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  {s.keys.split(' / ').map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' / '}
                      <span className="kbd">{k}</span>
                    </span>
                  ))}
                </td>
                <td>{t(`does.${s.does}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
