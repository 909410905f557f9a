import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDTO } from '@switchboard/shared';
import { useStore } from '../../store';

/** The body with the typed values in place of {{1}} or {{name}}, as the customer will read it. */
function preview(template: TemplateDTO, values: Record<string, string>): string {
  return template.body.replace(/\{\{\s*([\w]+)\s*\}\}/g, (whole, name: string) => values[name]?.trim() || whole);
}

export function TemplatePicker({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation(['composer', 'common']);
  const templates = useStore((s) => s.templates);
  const sendTemplate = useStore((s) => s.sendTemplate);
  const [chosen, setChosen] = useState<TemplateDTO | null>(templates[0] ?? null);
  const [values, setValues] = useState<Record<string, string>>({});

  const missing = chosen?.parameters.some((p) => !values[p.name]?.trim()) ?? true;
  const send = async () => {
    if (!chosen) return;
    const parameters =
      chosen.parameterFormat === 'positional'
        ? chosen.parameters.map((p) => values[p.name]!.trim())
        : Object.fromEntries(chosen.parameters.map((p) => [p.name, values[p.name]!.trim()]));
    if (await sendTemplate(conversationId, chosen, parameters)) onClose();
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="dialog template-picker" role="dialog" aria-label={t('templates.title')}>
        <h2>{t('templates.title')}</h2>
        {templates.length === 0 ? (
          <p className="muted">{t('templates.none')}</p>
        ) : (
          <div className="template-layout">
            <ul className="template-list" role="listbox" aria-label={t('templates.list')}>
              {templates.map((template) => (
                <li
                  key={template.id}
                  role="option"
                  aria-selected={chosen?.id === template.id}
                  className={chosen?.id === template.id ? 'active' : ''}
                  onClick={() => (setChosen(template), setValues({}))}
                >
                  <div className="template-name">{template.name}</div>
                  <div className="muted">
                    {template.language} · {t(`templates.category.${template.category}`)}
                  </div>
                </li>
              ))}
            </ul>
            {chosen && (
              <div className="template-detail">
                {chosen.parameters.map((p) => (
                  <div className="field" key={p.name}>
                    <label htmlFor={`param-${p.name}`}>
                      {chosen.parameterFormat === 'positional' ? `{{${p.name}}}` : p.name}
                    </label>
                    <input
                      id={`param-${p.name}`}
                      className="input"
                      placeholder={p.example}
                      value={values[p.name] ?? ''}
                      onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                    />
                  </div>
                ))}
                <div className="template-preview">
                  {chosen.headerText && <div className="doc-name">{chosen.headerText}</div>}
                  <div className="text">{preview(chosen, values)}</div>
                  {chosen.footer && <div className="muted">{chosen.footer}</div>}
                </div>
              </div>
            )}
          </div>
        )}
        <div className="buttons">
          <button className="btn" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button className="btn primary" disabled={!chosen || missing} onClick={() => void send()}>
            {t('templates.send')}
          </button>
        </div>
      </div>
    </div>
  );
}
