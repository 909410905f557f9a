import { useState, type FormEvent } from 'react';
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
  const team = useLoaded(loadTeam);
  const queues = useLoaded(loadQueues);
  const queueName = (id: string) => queues.value?.find((q) => q.queue.id === id)?.queue.name ?? id;
  const admin = role === 'admin';

  const { outcome, save: act } = useSaver(team.reload);
  const setActive = (member: TeamMemberDTO, active: boolean) =>
    act(async () => {
      await settingsRequest('PATCH', `/api/users/${member.id}`, z.unknown(), { active });
      return `${member.name} is ${active ? 'active again' : 'deactivated'}.`;
    });
  const resetPassword = (member: TeamMemberDTO) =>
    act(async () => {
      const { temporaryPassword } = await settingsRequest(
        'POST',
        `/api/users/${member.id}/password-reset`,
        PasswordResetResponse,
      );
      return `${member.name}'s temporary password (shown once): ${temporaryPassword}`;
    });

  return (
    <>
      <SectionHeader
        title="Users"
        hint={
          admin
            ? 'Add agents, supervisors and admins; set their queues and capacity.'
            : 'Who works which queue. Admins change accounts.'
        }
      />
      {admin && <NewUserForm queues={queues.value?.map((q) => q.queue) ?? []} onDone={act} />}
      <Outcome outcome={outcome} />
      {team.error && <p className="settings-refused">{team.error}</p>}
      <table className="settings-table" aria-label="Team">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Queues</th>
            <th>Capacity</th>
            <th>Status</th>
            {admin && <th />}
          </tr>
        </thead>
        <tbody>
          {(team.value ?? []).map((member) => (
            <tr key={member.id} data-user-email={member.email}>
              <td>{member.name}</td>
              <td className="muted">{member.email}</td>
              <td>{member.role}</td>
              <td>{member.queueIds.map(queueName).join(', ') || '—'}</td>
              <td>{member.capacity}</td>
              <td>{member.active ? 'Active' : 'Deactivated'}</td>
              {admin && (
                <td className="settings-row-actions">
                  <button className="btn ghost small" onClick={() => void resetPassword(member)}>
                    Reset password
                  </button>
                  <button className="btn ghost small" onClick={() => void setActive(member, !member.active)}>
                    {member.active ? 'Deactivate' : 'Reactivate'}
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
      return `${created.name} can sign in now.`;
    });
  };
  return (
    <form className="settings-form" aria-label="New user" onSubmit={submit}>
      <label>
        Name <input name="name" required />
      </label>
      <label>
        Email <input name="email" type="email" required />
      </label>
      <label>
        Role
        <select name="role" defaultValue="agent">
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Password <input name="password" type="password" minLength={10} required />
      </label>
      <label>
        Capacity <input name="capacity" type="number" min={0} max={100} defaultValue={5} />
      </label>
      <fieldset>
        <legend>Queues</legend>
        {queues.length === 0 && <span className="muted">No queues yet.</span>}
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
        Add user
      </button>
    </form>
  );
}
