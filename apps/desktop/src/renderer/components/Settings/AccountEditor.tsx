import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, type TeamMemberDTO, type UpdateUserRequest } from '@switchboard/shared';
import { RoleSelect, SaveOrClose } from './settings-ui';

type Props = {
  member: TeamMemberDTO;
  onSave: (change: UpdateUserRequest) => void;
  onClose: () => void;
};

/**
 * An admin's change to someone's account: the name the team sees and their role. The server keeps one active
 * admin and names the field it refuses.
 */
export function AccountEditor({ member, onSave, onClose }: Props) {
  const { t } = useTranslation('settings');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSave({ name: String(data.get('name') ?? ''), role: Role.parse(data.get('role')) });
  };
  return (
    <form
      className="settings-form settings-hours"
      aria-label={t('users.accountForm', { name: member.name })}
      onSubmit={submit}
      key={member.id}
    >
      <h4>{t('users.accountHeading', { name: member.name })}</h4>
      <label>
        {t('users.name')} <input name="name" required maxLength={100} defaultValue={member.name} />
      </label>
      <RoleSelect defaultValue={member.role} />
      <p className="muted">{t('users.keepsAnAdmin')}</p>
      <SaveOrClose save={t('users.saveAccount')} onClose={onClose} />
    </form>
  );
}
