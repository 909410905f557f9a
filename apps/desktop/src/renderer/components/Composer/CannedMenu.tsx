import { useTranslation } from 'react-i18next';
import type { CannedReply } from '../../../contract/inbox-api';

export const matchingCanned = (replies: CannedReply[], query: string) => {
  const q = query.toLowerCase();
  return replies.filter((r) => r.shortcut.toLowerCase().includes(q) || r.title.toLowerCase().includes(q)).slice(0, 8);
};

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
          <span className="canned-text muted">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
