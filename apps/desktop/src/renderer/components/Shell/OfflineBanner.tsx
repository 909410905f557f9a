import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { selectConnectionLabel } from '../../store/selectors';
import { Icon } from '../common/Icon';

/** Offline is a normal state, not an error: say what still works. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const state = useStore(selectConnectionLabel);
  if (state !== 'offline') return null;
  return (
    <div className="offline-banner" role="status">
      <Icon name="alert" size={13} />
      {t('offlineBanner')}
    </div>
  );
}
