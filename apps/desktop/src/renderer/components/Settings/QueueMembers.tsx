import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayChangeRoutingOf, type QueueDTO, type Role, type TeamMemberDTO } from '@switchboard/shared';

/** Who a members save adds or removes, for the message that says what it did. */
export type MembersChange = { added: TeamMemberDTO } | { removed: TeamMemberDTO };

type Props = {
  queue: QueueDTO;
  team: TeamMemberDTO[];
  role: Role;
  /** Replaces the queue's members with `userIds`. */
  onSave: (userIds: string[], change: MembersChange) => void;
  onClose: () => void;
};

/**
 * Who routing may give the queue's conversations to: each member's role and capacity, a way to remove them,
 * and the active people not in it yet to add. A supervisor neither adds nor removes an admin
 * (`mayChangeRoutingOf`, as the server rules).
 */
export function QueueMembers({ queue, team, role, onSave, onClose }: Props) {
  const { t } = useTranslation('settings');
  const members = team.filter((m) => m.queueIds.includes(queue.id));
  const memberIds = members.map((m) => m.id);
  const candidates = team.filter((m) => m.active && !m.queueIds.includes(queue.id) && mayChangeRoutingOf(role, m.role));
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const added = candidates.find((m) => m.id === new FormData(event.currentTarget).get('userId'));
    if (added) onSave([...memberIds, added.id], { added });
  };
  return (
    <div
      className="settings-form settings-hours settings-members"
      role="region"
      aria-label={t('members.panel', { name: queue.name })}
    >
      <h4>{t('members.heading', { name: queue.name })}</h4>
      <table className="settings-table" aria-label={t('members.table', { name: queue.name })}>
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.capacity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('members.none')}
              </td>
            </tr>
          )}
          {members.map((m) => (
            <tr key={m.id} data-member-email={m.email}>
              <td>
                {m.name}
                {!m.active && <span className="settings-tag">{t('users.deactivated')}</span>}
              </td>
              <td>{t(`role.${m.role}`)}</td>
              <td>{m.capacity}</td>
              <td className="settings-row-actions">
                {mayChangeRoutingOf(role, m.role) && (
                  <button
                    className="btn ghost small"
                    onClick={() =>
                      onSave(
                        memberIds.filter((id) => id !== m.id),
                        { removed: m },
                      )
                    }
                  >
                    {t('members.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings-row-actions settings-members-actions">
        {candidates.length > 0 ? (
          <form
            className="settings-inline-form"
            aria-label={t('members.addForm', { name: queue.name })}
            onSubmit={add}
            // A fresh form after each change: the picker goes back to "Choose someone…", not to the next name.
            key={memberIds.join()}
          >
            <select name="userId" aria-label={t('members.person')} required defaultValue="">
              <option value="" disabled>
                {t('members.choose')}
              </option>
              {candidates.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('members.option', { name: m.name, role: t(`role.${m.role}`) })}
                </option>
              ))}
            </select>
            <button className="btn primary small" type="submit">
              {t('members.add')}
            </button>
          </form>
        ) : (
          <span className="muted">{t('members.everyoneIn')}</span>
        )}
        <button className="btn ghost small" type="button" onClick={onClose}>
          {t('users.close')}
        </button>
      </div>
    </div>
  );
}
