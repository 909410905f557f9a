import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import '../Board/Board.css';
import './Mentions.css';

/** Where colleagues named me in internal notes, newest first; unread ones stand out until I open them. */
export function MentionsView() {
  const mentions = useStore((s) => s.mentions);
  const openMention = useStore((s) => s.openMention);
  const format = useFormat();
  const { t } = useTranslation('mentions');
  return (
    <main className="mentions-view" aria-label={t('title')}>
      <header className="board-header">
        <h2>{t('title')}</h2>
        <span className="muted">{t('hint')}</span>
      </header>
      {mentions.length === 0 ? (
        <div className="empty-state">
          <strong>{t('empty.title')}</strong>
          <span>{t('empty.body')}</span>
        </div>
      ) : (
        <ul className="mention-list">
          {mentions.map((m) => (
            <li key={m.id}>
              <button
                className={`mention-item ${m.readAt === null ? 'unread' : ''}`}
                data-mention-id={m.id}
                onClick={() => openMention(m)}
              >
                <div className="mention-head">
                  <strong>{m.author.name}</strong>
                  <span className="muted"> {t('inNoteOn')} </span>
                  <strong>{m.contactName}</strong>
                  <span className="mention-time muted">{format.shortDate(m.createdAt)}</span>
                </div>
                <div className="mention-excerpt">{m.excerpt}</div>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
