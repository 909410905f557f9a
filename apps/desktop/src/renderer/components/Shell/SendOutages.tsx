import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { outagesIn } from '../../store/selectors';
import { useFormat } from '../../i18n/format';
import { channelNumber } from '../../lib/format';

/** The numbers WhatsApp is not answering for: which, since when, and when the next try goes. */
export function SendOutages() {
  const { t } = useTranslation();
  const format = useFormat();
  const outages = outagesIn(useStore((s) => s.sendHealth));
  if (outages.length === 0) return null;
  return (
    <div className="send-outages" role="alert" aria-label={t('outage.label')}>
      {outages.map((outage) => (
        <div
          key={outage.channelId}
          className="send-outage"
          data-channel-id={outage.channelId}
          data-state={outage.state}
        >
          <div className="send-outage-title">{t('outage.title', { number: channelNumber(outage) })}</div>
          {outage.downSince && (
            <div title={format.fullDate(outage.downSince)}>
              {t('outage.since', { time: format.dateTime(outage.downSince) })}
            </div>
          )}
          <div>
            {outage.state === 'retrying' || !outage.nextRetryAt
              ? t('outage.retrying')
              : t('outage.nextTry', { time: format.time(outage.nextRetryAt) })}
          </div>
        </div>
      ))}
    </div>
  );
}
