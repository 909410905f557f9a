import { useTranslation } from 'react-i18next';
import { Icon } from '../common/Icon';
import type { InteractiveForm } from './interactive-form';

/**
 * The message as WhatsApp draws it on the customer's phone: a bubble with header, body and footer, the reply
 * buttons beneath it, or the button that opens the list with the list's sheet shown open below.
 */
export function InteractivePreview({ form }: { form: InteractiveForm }) {
  const { t } = useTranslation('composer');
  return (
    <div className="wa-phone">
      <div className="wa-bubble">
        {form.header.trim() && <div className="wa-header">{form.header}</div>}
        <div className="wa-body">{form.body || '…'}</div>
        {form.footer.trim() && <div className="wa-footer">{form.footer}</div>}
        {form.kind === 'list' && (
          <div className="wa-action">
            <Icon name="list" /> {form.listButton || '…'}
          </div>
        )}
      </div>
      {form.kind === 'buttons' ? (
        form.buttons.map((title, i) => (
          <div className="wa-button" key={i}>
            <Icon name="reply" /> {title || '…'}
          </div>
        ))
      ) : (
        <div className="wa-sheet" aria-label={t('interactive.kind.list')}>
          {form.sections.map((section, s) => (
            <div key={s}>
              {section.title.trim() && <div className="wa-section">{section.title}</div>}
              {section.rows.map((row, r) => (
                <div className="wa-row" key={r}>
                  <div>
                    <div>{row.title || '…'}</div>
                    {row.description.trim() && <div className="wa-description">{row.description}</div>}
                  </div>
                  <span className="wa-radio" aria-hidden />
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
