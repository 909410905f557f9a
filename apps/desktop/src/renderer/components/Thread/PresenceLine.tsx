import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';
import { colleaguesPresent } from '../../store/selectors';

/** "Ana is typing…", "Bruno is viewing": the colleagues in the open conversation, so two never answer one customer. */
export function PresenceLine() {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const presence = useStore((s) => s.presence);
  const myUserId = useStore((s) => s.user?.id);
  const { typing, viewing } = colleaguesPresent(presence, myUserId);
  if (typing.length === 0 && viewing.length === 0) return null;
  const line = (key: 'presence.typing' | 'presence.viewing', names: string[]) =>
    names.length > 0 && t(key, { count: names.length, names: format.names(names) });
  return (
    <div className="presence-line" role="status">
      {line('presence.typing', typing)}
      {typing.length > 0 && viewing.length > 0 && ' · '}
      {line('presence.viewing', viewing)}
    </div>
  );
}
