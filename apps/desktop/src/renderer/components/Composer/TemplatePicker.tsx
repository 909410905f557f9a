import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateValueIssues, type ErrorIssue, type TemplateDTO, type TemplateParameter } from '@switchboard/shared';
import { useStore } from '../../store';
import type { TemplateEdit } from '../../store/slices/failed-sends';
import { ParameterInput } from './ParameterInput';
import { formValues, issuesByParameter, requestParameters, type FormValues } from './template-form';

/** The body with the typed values in place of {{1}} or {{name}}, as the customer will read it. */
function preview(template: TemplateDTO, values: Record<string, string>): string {
  return template.body.replace(/\{\{\s*([\w]+)\s*\}\}/g, (whole, name: string) => values[name]?.trim() || whole);
}

/** An issue in the agent's language, from its reason; the server's own words when the reason is not one we know. */
function useIssueText() {
  const { t } = useTranslation('composer');
  return (issue: ErrorIssue, parameter: TemplateParameter | undefined, value: string) => {
    switch (issue.reason) {
      case 'missing':
      case 'blank':
        return t('templates.issue.required');
      case 'too_long':
        return t('templates.issue.tooLong', { max: 1024 });
      case 'whitespace':
        return t('templates.issue.whitespace');
      case 'wrong_type':
        return parameter ? t(`templates.issue.type.${parameter.type}`, { value: value.trim() }) : issue.message;
      default:
        return issue.message;
    }
  };
}

type Props = {
  conversationId: string;
  onClose: () => void;
  /** A failed send reopened: its template, values and the parameters the server named. */
  edit?: TemplateEdit;
};

export function TemplatePicker({ conversationId, onClose, edit }: Props) {
  const { t } = useTranslation(['composer', 'common']);
  const templates = useStore((s) => s.templates);
  const sendTemplate = useStore((s) => s.sendTemplate);
  const sendEdited = useStore((s) => s.sendEdited);
  const issueText = useIssueText();
  const find = () =>
    edit ? templates.find((x) => x.name === edit.name && x.language === edit.language) : templates[0];
  const [chosen, setChosen] = useState<TemplateDTO | null>(find() ?? null);
  const [values, setValues] = useState<FormValues>(edit ? formValues(edit.parameters) : {});
  /** The server's issues and, once the agent tried to send, this form's own; a changed value drops its issue. */
  const [issues, setIssues] = useState<ErrorIssue[]>(edit?.issues ?? []);

  // The catalogue is reloaded when a failed send is edited: take the template's newest definition.
  useEffect(() => {
    const fresh = find();
    if (fresh && (!chosen || fresh.id === chosen.id)) setChosen(fresh);
  }, [templates]);

  const choose = (template: TemplateDTO) => {
    setChosen(template);
    setValues({});
    setIssues([]);
  };
  const change = (name: string, value: string) => {
    setValues({ ...values, [name]: value });
    setIssues(issues.filter((i) => i.path !== `parameters.${name}`));
  };
  const send = async () => {
    if (!chosen) return;
    const parameters = requestParameters(chosen, values);
    const local = templateValueIssues(chosen, parameters);
    if (local.length > 0) return setIssues(local);
    const request = {
      type: 'template' as const,
      template: { name: chosen.name, language: chosen.language, parameters },
    };
    const sent = edit ? await sendEdited(edit, request) : await sendTemplate(conversationId, chosen, parameters);
    if (sent) onClose();
  };
  const { byName, general } = chosen ? issuesByParameter(chosen, issues) : { byName: new Map(), general: issues };

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
                  onClick={() => choose(template)}
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
                {general.map((issue) => (
                  <div className="field-error" role="alert" key={issue.path + issue.message}>
                    {issueText(issue, undefined, '')}
                  </div>
                ))}
                {chosen.parameters.map((p) => {
                  const issue = byName.get(p.name);
                  const errorId = issue ? `param-${p.name}-error` : undefined;
                  return (
                    <div className="field" key={`${chosen.id}:${p.name}`} data-parameter={p.name}>
                      <label htmlFor={`param-${p.name}`}>
                        {chosen.parameterFormat === 'positional' ? `{{${p.name}}}` : p.name}
                        <span className="muted"> · {t(`templates.type.${p.type}`)}</span>
                      </label>
                      <ParameterInput
                        parameter={p}
                        value={values[p.name] ?? ''}
                        onChange={(value) => change(p.name, value)}
                        errorId={errorId}
                      />
                      {issue && (
                        <div className="field-error" id={errorId} role="alert">
                          {issueText(issue, p, values[p.name] ?? '')}
                        </div>
                      )}
                    </div>
                  );
                })}
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
          <button className="btn primary" disabled={!chosen} onClick={() => void send()}>
            {t('templates.send')}
          </button>
        </div>
      </div>
    </div>
  );
}
