import { useTranslation } from 'react-i18next';
import { TemplateStatus } from '@switchboard/shared';
import type { TemplateDraft } from './template-draft';

type Props = {
  draft: TemplateDraft;
  set: (change: Partial<TemplateDraft>) => void;
  invalid: (field: string) => true | undefined;
};

/** The review recorded by hand, where no number has a WhatsApp Business Account for the server to ask. */
export function ManualStatus({ draft, set, invalid }: Props) {
  const { t } = useTranslation('settings');
  return (
    <>
      <label>
        {t('templates.status')}
        <select
          name="status"
          aria-invalid={invalid('status')}
          value={draft.status}
          onChange={(e) => set({ status: e.target.value as TemplateDraft['status'] })}
        >
          {TemplateStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`templates.statusValue.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.status === 'rejected' && (
        <label className="settings-template-wide">
          {t('templates.rejectionReason')}
          <input
            name="rejectionReason"
            aria-invalid={invalid('rejectionReason')}
            value={draft.rejectionReason}
            onChange={(e) => set({ rejectionReason: e.target.value })}
          />
        </label>
      )}
    </>
  );
}
