import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type BusinessHoursSchedule } from '@switchboard/shared';

type Labels = { always: string; days: string; holidays: string };

/**
 * The fields of a weekly schedule (a queue's business hours, an agent's working hours): one interval on the
 * days chosen, the closed dates, or none at all. `readSchedule` reads them back from the form.
 */
export function ScheduleFields({ hours, labels }: { hours: BusinessHoursSchedule | null; labels: Labels }) {
  const { t } = useTranslation('settings');
  const firstOpen = hours ? WEEKDAYS.map((d) => hours.weekly[d][0]).find(Boolean) : undefined;
  return (
    <>
      <label className="settings-check">
        <input type="checkbox" name="always" defaultChecked={!hours} /> {labels.always}
      </label>
      <label>
        {t('hours.timezone')}{' '}
        <input name="timezone" defaultValue={hours?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone} />
      </label>
      <fieldset>
        <legend>{labels.days}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="settings-check">
            <input
              type="checkbox"
              name={`day-${d}`}
              defaultChecked={hours ? hours.weekly[d].length > 0 : !['sat', 'sun'].includes(d)}
            />
            {t(`weekday.${d}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('hours.from')} <input name="start" defaultValue={firstOpen?.start ?? '09:00'} pattern="\d{2}:\d{2}" />
      </label>
      <label>
        {t('hours.to')} <input name="end" defaultValue={firstOpen?.end ?? '18:00'} pattern="\d{2}:\d{2}" />
      </label>
      <label>
        {labels.holidays}{' '}
        <input name="holidays" defaultValue={hours?.holidays.join(', ') ?? ''} placeholder="2026-12-25, 2027-01-01" />
      </label>
    </>
  );
}

/** The schedule the fields describe, as the API takes it; null when "always" is ticked. */
export function readSchedule(data: FormData) {
  if (data.get('always') === 'on') return null;
  const interval = { start: String(data.get('start')), end: String(data.get('end')) };
  return {
    timezone: String(data.get('timezone') ?? ''),
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, data.get(`day-${d}`) ? [interval] : []])),
    holidays: String(data.get('holidays') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
