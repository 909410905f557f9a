import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useQuoteText } from '../Thread/MessageContent';
import { useFormat } from '../../i18n/format';
import { deliveryFailureText } from '../../lib/delivery-failure';
import { InboundDeadLetters } from './InboundDeadLetters';
import './Board.css';

export function DeadLetters() {
  const { t } = useTranslation('board');
  const format = useFormat();
  const quoteText = useQuoteText();
  const deadLetters = useStore((s) => s.deadLetters);
  const replay = useStore((s) => s.replay);
  const select = useStore((s) => s.select);
  return (
    <main className="dead-letters" aria-label={t('dead.title')}>
      <header className="board-header">
        <h2>{t('dead.title')}</h2>
      </header>
      <div className="dead-body">
        <header className="dead-section-header">
          <h3>{t('dead.replies')}</h3>
          <span className="muted">{t('dead.intro')}</span>
        </header>
        {deadLetters.length === 0 ? (
          <div className="empty-state">
            <strong>{t('dead.empty.title')}</strong>
            <span>{t('dead.empty.body')}</span>
          </div>
        ) : (
          <table className="dead-table">
            <thead>
              <tr>
                <th>{t('dead.column.reply')}</th>
                <th>{t('dead.column.why')}</th>
                <th>{t('dead.column.tries')}</th>
                <th>{t('dead.column.since')}</th>
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
                  <td className="dead-reason" title={d.lastFailure ?? undefined}>
                    {deliveryFailureText(d.message)}
                  </td>
                  <td>{format.number(d.failures)}</td>
                  <td title={format.fullDate(d.deadSince)}>{format.shortDate(d.deadSince)}</td>
                  <td>
                    <button className="btn small" onClick={() => void replay(d.message.id)}>
                      {t('dead.replay')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <InboundDeadLetters />
      </div>
    </main>
  );
}
