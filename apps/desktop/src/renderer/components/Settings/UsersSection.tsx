import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PasswordResetResponse, QueueDTO, Role, TeamMemberDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import type { SettingsSectionProps } from './sections';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const items = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });
const loadTeam = async () => (await settingsRequest('GET', '/api/users', items(TeamMemberDTO))).items;
const loadQueues = async () =>
  (await settingsRequest('GET', '/api/queues', items(z.object({ queue: QueueDTO })))).items;

/** The team: admins add people and change accounts; supervisors read who is on which queue. */
export function UsersSection({ role }: SettingsSectionProps) {
  const { t } = useTranslation('settings');
  const team = useLoaded(loadTeam);
  const queues = useLoaded(loadQueues);
  const queueName = (id: string) => queues.value?.find((q) => q.queue.id === id)?.queue.name ?? id;
  const admin = role === 'admin';

  const { outcome, save: act } = useSaver(team.reload);
  const setActive = (member: TeamMemberDTO, active: boolean) =>
    act(async () => {
      await settingsRequest('PATCH', `/api/users/${member.id}`, z.unknown(), { active });
      return t(active ? 'users.nowActive' : 'users.nowDeactivated', { name: member.name });
    });
  const resetPassword = (member: TeamMemberDTO) =>
    act(async () => {
      const { temporaryPassword } = await settingsRequest(
        'POST',
        `/api/users/${member.id}/password-reset`,
        PasswordResetResponse,
      );
      return t('users.temporaryPassword', { name: member.name, password: temporaryPassword });
    });

  return (
    <>
      <SectionHeader title={t('section.users')} hint={admin ? t('users.hint') : t('users.hintReadOnly')} />
      {admin && <NewUserForm queues={queues.value?.map((q) => q.queue) ?? []} onDone={act} />}
      <Outcome outcome={outcome} />
      {team.error && <p className="settings-refused">{team.error}</p>}
      <table className="settings-table" aria-label={t('users.team')}>
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.email')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.queues')}</th>
            <th>{t('users.capacity')}</th>
            <th>{t('users.status')}</th>
            {admin && <th />}
          </tr>
        </thead>
        <tbody>
          {(team.value ?? []).map((member) => (
            <tr key={member.id} data-user-email={member.email}>
              <td>{member.name}</td>
              <td className="muted">{member.email}</td>
              <td>{t(`role.${member.role}`)}</td>
              <td>{member.queueIds.map(queueName).join(', ') || t('empty')}</td>
              <td>{member.capacity}</td>
              <td>{member.active ? t('users.active') : t('users.deactivated')}</td>
              {admin && (
                <td className="settings-row-actions">
                  <button className="btn ghost small" onClick={() => void resetPassword(member)}>
                    {t('users.resetPassword')}
                  </button>
                  <button className="btn ghost small" onClick={() => void setActive(member, !member.active)}>
                    {member.active ? t('users.deactivate') : t('users.reactivate')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewUserForm({
  queues,
  onDone,
}: {
  queues: QueueDTO[];
  onDone: (work: () => Promise<string>) => Promise<void>;
}) {
  const { t } = useTranslation('settings');
  const [queueIds, setQueueIds] = useState<string[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const user = {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      role: String(data.get('role') ?? 'agent'),
      password: String(data.get('password') ?? ''),
      capacity: Number(data.get('capacity') ?? 5),
      queueIds,
    };
    void onDone(async () => {
      const created = await settingsRequest('POST', '/api/users', TeamMemberDTO, user);
      form.reset();
      setQueueIds([]);
      return t('users.created', { name: created.name });
    });
  };
  return (
    <form className="settings-form" aria-label={t('users.newUser')} onSubmit={submit}>
      <label>
        {t('users.name')} <input name="name" required />
      </label>
      <label>
        {t('users.email')} <input name="email" type="email" required />
      </label>
      <label>
        {t('users.role')}
        <select name="role" defaultValue="agent">
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('users.password')} <input name="password" type="password" minLength={10} required />
      </label>
      <label>
        {t('users.capacity')} <input name="capacity" type="number" min={0} max={100} defaultValue={5} />
      </label>
      <fieldset>
        <legend>{t('users.queues')}</legend>
        {queues.length === 0 && <span className="muted">{t('users.noQueues')}</span>}
        {queues.map((q) => (
          <label key={q.id} className="settings-check">
            <input
              type="checkbox"
              checked={queueIds.includes(q.id)}
              onChange={(e) =>
                setQueueIds(e.target.checked ? [...queueIds, q.id] : queueIds.filter((id) => id !== q.id))
              }
            />
            {q.name}
          </label>
        ))}
      </fieldset>
      <button className="btn primary" type="submit">
        {t('users.add')}
      </button>
    </form>
  );
}
