import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, type QueueDTO } from '@switchboard/shared';
import { readSchedule, ScheduleFields } from './ScheduleFields';

type Props = { queue: QueueDTO; onSave: (change: Record<string, unknown>) => Promise<void> };

/**
 * A queue's business hours (one interval on the days chosen, holidays), its out-of-hours reply per language,
 * and its capacity rule. The server checks the result and names a field it refuses.
 */
export function HoursEditor({ queue, onSave }: Props) {
  const { t } = useTranslation(['settings', 'common']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const maxPerAgent = String(data.get('maxPerAgent') ?? '');
    void onSave({
      businessHours: readSchedule(data),
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
      <ScheduleFields
        hours={queue.businessHours}
        labels={{ always: t('hours.always'), days: t('hours.openOn'), holidays: t('hours.holidays') }}
      />
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
