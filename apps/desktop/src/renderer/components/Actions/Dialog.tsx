import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type DialogProps = { onClose: () => void };

/** A modal form: submitting closes it when `onSubmit` answers true; Escape, Cancel or a click outside close it. */
export function Dialog({
  title,
  onClose,
  onSubmit,
  children,
  submitLabel,
  disabled,
}: DialogProps & {
  title: string;
  onSubmit: () => Promise<boolean>;
  children: ReactNode;
  submitLabel: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation(['actions', 'common']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSubmit()) onClose();
  };
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <form className="dialog" role="dialog" aria-label={title} onSubmit={(e) => void submit(e)}>
        <h2>{title}</h2>
        {children}
        <div className="buttons">
          <button type="button" className="btn" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={disabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
