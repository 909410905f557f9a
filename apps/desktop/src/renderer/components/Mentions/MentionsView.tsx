import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import '../Board/Board.css';
import './Mentions.css';

/** Where colleagues named me in internal notes, newest first; unread ones stand out until I open them. */
export function MentionsView() {
  const mentions = useStore((s) => s.mentions);
  const openMention = useStore((s) => s.openMention);
  const format = useFormat();
  return (
    <main className="mentions-view" aria-label="Mentions">
      <header className="board-header">
        <h2>Mentions</h2>
        <span className="muted">Notes where a colleague named you with @.</span>
      </header>
      {mentions.length === 0 ? (
        <div className="empty-state">
          <strong>No mentions yet</strong>
          <span>When someone writes @ and your name in a note, it shows here.</span>
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
                  <span className="muted"> in a note on </span>
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
