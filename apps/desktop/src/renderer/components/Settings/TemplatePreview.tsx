import { useTranslation } from 'react-i18next';
import { previewOf, type TemplateDraft } from './template-draft';

/** The template as the customer's phone shows it, with the sample values typed for its parameters. */
export function TemplatePreview({ draft }: { draft: TemplateDraft }) {
  const { t } = useTranslation('settings');
  return (
    <aside className="settings-template-preview" aria-label={t('templates.preview')}>
      <h4>{t('templates.preview')}</h4>
      <span className="muted">{t('templates.previewHint')}</span>
      <div className="settings-template-phone">
        <div className="settings-template-bubble">
          {draft.headerText.trim() && <strong className="settings-template-bubble-header">{draft.headerText}</strong>}
          <p className="settings-template-bubble-body">{previewOf(draft) || '…'}</p>
          {draft.footer.trim() && <span className="settings-template-bubble-footer">{draft.footer}</span>}
        </div>
      </div>
    </aside>
  );
}
