import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { outagesIn, selectConnectionLabel, selectPendingCount } from '../../store/selectors';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useStore(selectConnectionLabel);
  const hostLink = useStore((s) => s.hostLink);
  const hostDown = hostLink !== 'open';
  const pending = useStore(selectPendingCount);
  const outages = outagesIn(useStore((s) => s.sendHealth)).length;
  return (
    <div className={`connection ${state}`} role="status" aria-label={t('connection.label')} data-state={state}>
      <span className="connection-dot" />
      <div>
        <div className="connection-state">{t(`connection.${state}`)}</div>
        <div className="connection-detail">
          {hostLink === 'refused'
            ? t('connection.refused')
            : hostDown
              ? t('connection.reconnecting')
              : pending > 0
                ? t('connection.pending', { count: pending })
                : state === 'offline'
                  ? t('connection.fromDevice')
                  : outages > 0
                    ? t('connection.outages', { count: outages })
                    : t('connection.allSent')}
        </div>
      </div>
    </div>
  );
}
