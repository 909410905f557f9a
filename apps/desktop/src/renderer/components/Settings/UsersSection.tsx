import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  mayChangeRoutingOf,
  PasswordResetResponse,
  QueueDTO,
  TeamMemberDTO,
  type AgentProfileRequest,
  type UpdateUserRequest,
} from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { AccountEditor } from './AccountEditor';
import { ProfileEditor } from './ProfileEditor';
import { QueuePicker, readQueues } from './QueuePicker';
import type { SettingsSectionProps } from './sections';
import { Outcome, RoleSelect, SectionHeader, useLoaded, useSaver } from './settings-ui';
import { loadTeam } from './team-data';

const loadQueues = async () =>
  (await settingsRequest('GET', '/api/queues', z.object({ items: z.array(z.object({ queue: QueueDTO })) }))).items;

/** Which of a person's editors is open: their account (name, role; admins only) or their routing profile. */
type Editing = { id: string; editor: 'account' | 'profile' } | null;

/**
 * The team. Admins add people, rename them, change their role, deactivate them, reset passwords and set
 * anyone's queues, capacity and working hours; supervisors set those of agents and supervisors
 * (`mayChangeRoutingOf`, as the server rules).
 */
export function UsersSection({ role }: SettingsSectionProps) {
  const { t } = useTranslation('settings');
  const team = useLoaded(loadTeam);
  const queues = useLoaded(loadQueues);
  const queueList = queues.value?.map((q) => q.queue) ?? [];
  const queueName = (id: string) => queueList.find((q) => q.id === id)?.name ?? id;
  const admin = role === 'admin';
  const [editing, setEditing] = useState<Editing>(null);
  const edited = team.value?.find((m) => m.id === editing?.id);
  const toggle = (id: string, editor: 'account' | 'profile') =>
    setEditing(editing?.id === id && editing.editor === editor ? null : { id, editor });

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
  const saveAccount = (member: TeamMemberDTO, change: UpdateUserRequest) =>
    act(async () => {
      const saved = await settingsRequest('PATCH', `/api/users/${member.id}`, TeamMemberDTO, change);
      return t('users.accountSaved', { name: saved.name, role: t(`role.${saved.role}`) });
    });
  const saveProfile = (member: TeamMemberDTO, profile: z.input<typeof AgentProfileRequest>) =>
    act(async () => {
      await settingsRequest('PUT', `/api/agents/${member.id}/profile`, z.unknown(), profile);
      return t('users.profileSaved', { name: member.name });
    });

  return (
    <>
      <SectionHeader title={t('section.users')} hint={admin ? t('users.hint') : t('users.hintSupervisor')} />
      {admin && <NewUserForm queues={queueList} onDone={act} />}
      {!edited && <Outcome outcome={outcome} />}
      {team.error && <p className="settings-refused">{team.error}</p>}
      <table className="settings-table" aria-label={t('users.team')}>
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.queues')}</th>
            <th>{t('users.capacity')}</th>
            <th>{t('users.workingHours')}</th>
            <th>{t('users.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(team.value ?? []).map((member) => (
            <tr key={member.id} data-user-email={member.email}>
              {/* The email under the name, as team lists show it: the table fits beside four row actions. */}
              <td>
                {member.name}
                <div className="muted settings-user-email">{member.email}</div>
              </td>
              <td>{t(`role.${member.role}`)}</td>
              <td>{member.queueIds.map(queueName).join(', ') || t('empty')}</td>
              <td>{member.capacity}</td>
              <td>{member.workingHours?.timezone ?? t('users.anyTime')}</td>
              <td>{member.active ? t('users.active') : t('users.deactivated')}</td>
              <td className="settings-user-actions">
                {admin && (
                  <button className="btn ghost small" onClick={() => toggle(member.id, 'account')}>
                    {t('users.editAccount')}
                  </button>
                )}
                {mayChangeRoutingOf(role, member.role) && (
                  <button className="btn ghost small" onClick={() => toggle(member.id, 'profile')}>
                    {t('users.editProfile')}
                  </button>
                )}
                {admin && (
                  <>
                    <button className="btn ghost small" onClick={() => void resetPassword(member)}>
                      {t('users.resetPassword')}
                    </button>
                    <button className="btn ghost small" onClick={() => void setActive(member, !member.active)}>
                      {member.active ? t('users.deactivate') : t('users.reactivate')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {edited && editing?.editor === 'account' && (
        <AccountEditor
          member={edited}
          onSave={(change) => void saveAccount(edited, change)}
          onClose={() => setEditing(null)}
        />
      )}
      {edited && editing?.editor === 'profile' && (
        <ProfileEditor
          member={edited}
          queues={queueList}
          onSave={(profile) => void saveProfile(edited, profile)}
          onClose={() => setEditing(null)}
        />
      )}
      {/* Beside the editor while it is open, so what its save did shows where the admin looks. */}
      {edited && <Outcome outcome={outcome} />}
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
      queueIds: readQueues(data, queues),
    };
    void onDone(async () => {
      const created = await settingsRequest('POST', '/api/users', TeamMemberDTO, user);
      form.reset();
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
      <RoleSelect defaultValue="agent" />
      <label>
        {t('users.password')} <input name="password" type="password" minLength={10} required />
      </label>
      <label>
        {t('users.capacity')} <input name="capacity" type="number" min={0} max={100} defaultValue={5} />
      </label>
      <QueuePicker queues={queues} />
      <button className="btn primary" type="submit">
        {t('users.add')}
      </button>
    </form>
  );
}
