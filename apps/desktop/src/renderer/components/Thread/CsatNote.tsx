import { useTranslation } from 'react-i18next';
import type { ConversationCsatDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';

/**
 * The satisfaction survey where it happened, at the end of the thread: asked and waiting, or the rating the
 * customer gave with the comment that followed it.
 */
export function CsatNote({ csat }: { csat: ConversationCsatDTO }) {
  const { t } = useTranslation('thread', { keyPrefix: 'csat' });
  const f = useFormat();
  const rated = csat.state === 'rated' && csat.score !== null;
  return (
    <div className="csat-note" data-csat={csat.state} role="status">
      <span className={`csat-score score-${csat.score ?? 0}`}>{rated ? `${csat.score}/3` : '?'}</span>
      <div>
        <div className="csat-title">
          {rated
            ? t('rated', { score: t(`score.${csat.score as 1 | 2 | 3}`) })
            : t('asked', { via: t(`via.${csat.via}`) })}
        </div>
        {csat.comment && <div className="csat-comment">“{csat.comment}”</div>}
        <div className="csat-time">{f.dateTime(rated && csat.ratedAt ? csat.ratedAt : csat.askedAt)}</div>
      </div>
    </div>
  );
}
