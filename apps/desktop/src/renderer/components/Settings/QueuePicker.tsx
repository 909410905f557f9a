import { useTranslation } from 'react-i18next';
import type { QueueDTO } from '@switchboard/shared';

/** A tick for each queue, the person's own ticked; `readQueues` reads the ticked ones back from the form. */
export function QueuePicker({ queues, chosen = [] }: { queues: QueueDTO[]; chosen?: string[] }) {
  const { t } = useTranslation('settings');
  return (
    <fieldset>
      <legend>{t('users.queues')}</legend>
      {queues.length === 0 && <span className="muted">{t('users.noQueues')}</span>}
      {queues.map((q) => (
        <label key={q.id} className="settings-check">
          <input type="checkbox" name={`queue-${q.id}`} defaultChecked={chosen.includes(q.id)} />
          {q.name}
        </label>
      ))}
    </fieldset>
  );
}

export const readQueues = (data: FormData, queues: QueueDTO[]) =>
  queues.filter((q) => data.get(`queue-${q.id}`)).map((q) => q.id);
