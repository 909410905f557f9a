import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type DialogProps = { onClose: () => void };

/**
 * A modal form: it takes the focus when it opens; Escape or a click beside it closes it; it closes itself when
 * `onSubmit` answers true.
 */
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
  const { t } = useTranslation('common');
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const inside = form.current;
    if (inside && !inside.contains(document.activeElement)) {
      inside.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
  }, []);
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSubmit()) onClose();
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form ref={form} className="dialog" role="dialog" aria-label={title} onSubmit={(e) => void submit(e)}>
        <h2>{title}</h2>
        {children}
        <div className="buttons">
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={disabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
