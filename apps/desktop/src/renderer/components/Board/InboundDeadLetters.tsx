import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import './Board.css';

/** Webhooks the server acknowledged but could not apply in full: why, since when, and a replay once fixed. */
export function InboundDeadLetters() {
  const { t } = useTranslation('board');
  const format = useFormat();
  const letters = useStore((s) => s.inboundDeadLetters);
  const replaying = useStore((s) => s.replayingInbound);
  const replay = useStore((s) => s.replayInbound);
  const replayAll = useStore((s) => s.replayAllInbound);
  return (
    <section className="dead-section" aria-label={t('inboundDead.title')}>
      <header className="dead-section-header">
        <h3>{t('inboundDead.title')}</h3>
        <span className="muted">{t('inboundDead.intro')}</span>
        {letters.length > 1 && (
          <button className="btn small" disabled={replaying.length > 0} onClick={() => void replayAll()}>
            {t('inboundDead.replayAll')}
          </button>
        )}
      </header>
      {letters.length === 0 ? (
        <div className="empty-state">
          <strong>{t('inboundDead.empty.title')}</strong>
          <span>{t('inboundDead.empty.body')}</span>
        </div>
      ) : (
        <table className="dead-table inbound-dead-table">
          <thead>
            <tr>
              <th>{t('inboundDead.column.arrived')}</th>
              <th>{t('inboundDead.column.why')}</th>
              <th>{t('inboundDead.column.attempts')}</th>
              <th>{t('dead.column.since')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-dead-letter={letter.id}>
                <td title={format.fullDate(letter.receivedAt)}>{format.shortDate(letter.receivedAt)}</td>
                <td className="dead-reason">
                  <strong>{t(`inboundDead.kind.${letter.kind}`)}</strong>
                  {letter.issues.length > 0 ? (
                    <ul className="dead-issues">
                      {letter.issues.map((issue, i) => (
                        <li key={i}>
                          <code>{issue.path}</code> {issue.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <div>{letter.reason}</div>
                  )}
                </td>
                <td>{format.number(letter.attempts)}</td>
                <td title={format.fullDate(letter.deadSince)}>{format.shortDate(letter.deadSince)}</td>
                <td>
                  <button
                    className="btn small"
                    disabled={replaying.includes(letter.id)}
                    onClick={() => void replay(letter.id)}
                  >
                    {replaying.includes(letter.id) ? t('inboundDead.replaying') : t('dead.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
