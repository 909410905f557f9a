import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { selectOutageOf } from '../../store/selectors';
import { useFormat } from '../../i18n/format';
import { channelNumber } from '../../lib/format';

/** Why a queued reply has not gone out, when its number cannot send; nothing while the number sends. */
export function WaitingReason({ channelId }: { channelId: string }) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const outage = useStore(selectOutageOf(channelId));
  if (!outage) return null;
  const number = channelNumber(outage);
  return (
    <div className="waiting-reason" role="status">
      {outage.state === 'retrying' || !outage.nextRetryAt
        ? t('waiting.retrying', { number })
        : t('waiting.outage', { number, time: format.time(outage.nextRetryAt) })}
    </div>
  );
}
