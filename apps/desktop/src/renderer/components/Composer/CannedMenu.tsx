import { useTranslation } from 'react-i18next';
import type { CannedReply } from '../../../contract/inbox-api';

export function CannedMenu({
  replies,
  active,
  onPick,
}: {
  replies: CannedReply[];
  active: number;
  onPick: (reply: CannedReply) => void;
}) {
  const { t } = useTranslation('composer');
  return (
    <ul className="canned-menu" role="listbox" aria-label={t('canned')}>
      {replies.map((r, i) => (
        <li
          key={r.id}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : ''}
          onMouseDown={(e) => (e.preventDefault(), onPick(r))}
        >
          <span className="canned-shortcut">/{r.shortcut}</span>
          <span className="canned-title">{r.title}</span>
          <span className="canned-tags muted">
            {r.language.toUpperCase()}
            {r.scope === 'personal' ? ` · ${t('cannedMine')}` : ''}
          </span>
          <span className="canned-text muted">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
