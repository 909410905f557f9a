import { useStore } from '../../store';
import { quoteText } from '../Thread/MessageContent';
import { shortDate } from '../../lib/time';
import './Board.css';

export function DeadLetters() {
  const deadLetters = useStore((s) => s.deadLetters);
  const replay = useStore((s) => s.replay);
  const select = useStore((s) => s.select);
  return (
    <main className="dead-letters" aria-label="Dead letters">
      <header className="board-header">
        <h2>Dead letters</h2>
        <span className="muted">
          Replies whose retries ran out. Replay sends them again with the same idempotency key.
        </span>
      </header>
      <div className="dead-body">
        {deadLetters.length === 0 ? (
          <div className="empty-state">
            <strong>No dead letters</strong>
            <span>Every reply reached WhatsApp.</span>
          </div>
        ) : (
          <table className="dead-table">
            <thead>
              <tr>
                <th>Reply</th>
                <th>Why</th>
                <th>Tries</th>
                <th>Dead since</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {deadLetters.map((d) => (
                <tr key={d.message.id}>
                  <td>
                    <button className="btn ghost small" onClick={() => select(d.message.conversationId)}>
                      {quoteText(d.message).slice(0, 80)}
                    </button>
                  </td>
                  <td className="dead-reason">{d.lastFailure ?? d.message.failureReason ?? 'Unknown'}</td>
                  <td>{d.failures}</td>
                  <td>{shortDate(d.deadSince)}</td>
                  <td>
                    <button className="btn small" onClick={() => void replay(d.message.id)}>
                      Replay
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
