import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { selectConnectionLabel, selectSendStatus } from '../../store/selectors';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useStore(selectConnectionLabel);
  const status = useStore(useShallow(selectSendStatus));
  return (
    <div className={`connection ${state}`} role="status" aria-label={t('connection.label')} data-state={state}>
      <span className="connection-dot" />
      <div>
        <div className="connection-state">{t(`connection.${state}`)}</div>
        <div className={`connection-detail ${status.line}`}>
          {'count' in status ? t(`connection.${status.line}`, { count: status.count }) : t(`connection.${status.line}`)}
        </div>
      </div>
    </div>
  );
}
