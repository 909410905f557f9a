import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, WEEKDAYS, type QueueDTO } from '@switchboard/shared';

type Props = { queue: QueueDTO; onSave: (change: Record<string, unknown>) => Promise<void> };

/**
 * A queue's business hours (one interval on the days chosen, holidays), its out-of-hours reply per language,
 * and its capacity rule. The server checks the result and names a field it refuses.
 */
export function HoursEditor({ queue, onSave }: Props) {
  const { t } = useTranslation(['settings', 'common']);
  const hours = queue.businessHours;
  const firstOpen = hours ? WEEKDAYS.map((d) => hours.weekly[d][0]).find(Boolean) : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const interval = { start: String(data.get('start')), end: String(data.get('end')) };
    const alwaysOpen = data.get('always') === 'on';
    const maxPerAgent = String(data.get('maxPerAgent') ?? '');
    void onSave({
      businessHours: alwaysOpen
        ? null
        : {
            timezone: String(data.get('timezone') ?? ''),
            weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, data.get(`day-${d}`) ? [interval] : []])),
            holidays: String(data.get('holidays') ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
      outOfHours: {
        enabled: data.get('reply') === 'on',
        messages: Object.fromEntries(
          Language.options.map((l) => [l, String(data.get(`reply-${l}`) ?? '').trim()]).filter(([, text]) => text),
        ),
      },
      maxPerAgent: maxPerAgent ? Number(maxPerAgent) : null,
    });
  };
  return (
    <form
      className="settings-form settings-hours"
      aria-label={t('hours.form', { name: queue.name })}
      onSubmit={submit}
      key={queue.id}
    >
      <h4>{t('hours.heading', { name: queue.name })}</h4>
      <label className="settings-check">
        <input type="checkbox" name="always" defaultChecked={!hours} /> {t('hours.always')}
      </label>
      <label>
        {t('hours.timezone')}{' '}
        <input name="timezone" defaultValue={hours?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone} />
      </label>
      <fieldset>
        <legend>{t('hours.openOn')}</legend>
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
        {t('hours.holidays')}{' '}
        <input name="holidays" defaultValue={hours?.holidays.join(', ') ?? ''} placeholder="2026-12-25, 2027-01-01" />
      </label>
      <div className="settings-hours-reply">
        <label className="settings-check">
          <input type="checkbox" name="reply" defaultChecked={queue.outOfHours.enabled} /> {t('hours.reply')}
        </label>
        <div className="settings-hours-texts">
          {Language.options.map((l) => (
            <label key={l}>
              {t('hours.replyIn', { language: t(`common:languageName.${l}`) })}{' '}
              <textarea name={`reply-${l}`} rows={3} defaultValue={queue.outOfHours.messages[l] ?? ''} />
            </label>
          ))}
        </div>
      </div>
      <label>
        {t('hours.maxOpen')}{' '}
        <input name="maxPerAgent" type="number" min={1} max={100} defaultValue={queue.maxPerAgent ?? ''} />
      </label>
      <button className="btn primary" type="submit">
        {t('hours.save')}
      </button>
    </form>
  );
}
