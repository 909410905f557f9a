import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AgentProfileRequest, QueueDTO, TeamMemberDTO } from '@switchboard/shared';
import { QueuePicker, readQueues } from './QueuePicker';
import { readSchedule, ScheduleFields } from './ScheduleFields';
import { SaveOrClose } from './settings-ui';

type Props = {
  member: TeamMemberDTO;
  queues: QueueDTO[];
  onSave: (profile: z.input<typeof AgentProfileRequest>) => void;
  onClose: () => void;
};

/**
 * What routing reads of a person: their queues, how many conversations they hold at once, and their working
 * hours (none: any time they are online). The server checks it and names a field it refuses.
 */
export function ProfileEditor({ member, queues, onSave, onClose }: Props) {
  const { t } = useTranslation('settings');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSave({
      queueIds: readQueues(data, queues),
      capacity: Number(data.get('capacity')),
      workingHours: readSchedule(data),
    });
  };
  return (
    <form
      className="settings-form settings-hours"
      aria-label={t('users.profileForm', { name: member.name })}
      onSubmit={submit}
      key={member.id}
    >
      <h4>{t('users.profileHeading', { name: member.name })}</h4>
      <QueuePicker queues={queues} chosen={member.queueIds} />
      <label>
        {t('users.capacity')}{' '}
        <input name="capacity" type="number" min={0} max={100} required defaultValue={member.capacity} />
      </label>
      <ScheduleFields
        hours={member.workingHours}
        labels={{ always: t('users.anyTime'), days: t('users.worksOn'), holidays: t('users.daysOff') }}
      />
      <SaveOrClose save={t('users.saveProfile')} onClose={onClose} />
    </form>
  );
}
