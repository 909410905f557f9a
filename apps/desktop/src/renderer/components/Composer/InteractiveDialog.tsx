import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LIST_ROWS } from '@switchboard/shared';
import { useStore } from '../../store';
import { InteractivePreview } from './InteractivePreview';
import { checkForm, emptyForm, MAX_BUTTONS, type FieldIssue, type InteractiveForm } from './interactive-form';

type Props = { conversationId: string; onClose: () => void };

/** Reply buttons or a list, written beside a preview of what the customer sees, checked before it is sent. */
export function InteractiveDialog({ conversationId, onClose }: Props) {
  const { t } = useTranslation(['composer', 'common']);
  const sendInteractive = useStore((s) => s.sendInteractive);
  const [form, setForm] = useState<InteractiveForm>(emptyForm);
  /** Shown once the agent tried to send; each field's issue goes as it is edited. */
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});

  const change = (patch: Partial<InteractiveForm>, ...paths: string[]) => {
    setForm({ ...form, ...patch });
    if (paths.some((p) => issues[p]))
      setIssues(Object.fromEntries(Object.entries(issues).filter(([k]) => !paths.includes(k))));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(form);
    if (!checked.ok) return setIssues(checked.issues);
    if (await sendInteractive(conversationId, checked.message)) onClose();
  };
  const issueOf = (path: string) => {
    const issue = issues[path];
    return issue ? (
      <div className="field-error" role="alert" id={`ix-${path}-error`}>
        {t(`interactive.issue.${issue.key}`, issue.values ?? {})}
      </div>
    ) : null;
  };
  const text = (path: string, label: string, value: string, onChange: (v: string) => void, multiline = false) => {
    const props = {
      id: `ix-${path}`,
      className: 'input',
      value,
      'aria-invalid': issues[path] ? true : undefined,
      'aria-describedby': issues[path] ? `ix-${path}-error` : undefined,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    };
    return (
      <div className="field" data-field={path}>
        <label htmlFor={props.id}>{label}</label>
        {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
        {issueOf(path)}
      </div>
    );
  };
  const setSection = (s: number, section: InteractiveForm['sections'][number], ...paths: string[]) =>
    change({ sections: form.sections.map((old, i) => (i === s ? section : old)) }, ...paths);
  const rowCount = form.sections.reduce((n, s) => n + s.rows.length, 0);

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <form
        className="dialog interactive-dialog"
        role="dialog"
        aria-label={t('interactive.title')}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        <h2>{t('interactive.title')}</h2>
        <div className="interactive-layout">
          <div className="interactive-fields">
            <div className="segmented" role="radiogroup">
              {(['buttons', 'list'] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  role="radio"
                  aria-checked={form.kind === kind}
                  className={form.kind === kind ? 'active' : ''}
                  onClick={() => (setForm({ ...form, kind }), setIssues({}))}
                >
                  {t(`interactive.kind.${kind}`)}
                </button>
              ))}
            </div>
            {text('header', t('interactive.header'), form.header, (header) => change({ header }, 'header'))}
            {text('body', t('interactive.body'), form.body, (body) => change({ body }, 'body'), true)}
            {text('footer', t('interactive.footer'), form.footer, (footer) => change({ footer }, 'footer'))}
            {form.kind === 'buttons' ? (
              <div className="interactive-group">
                <p className="muted small">{t('interactive.limits.buttons')}</p>
                {form.buttons.map((title, i) => (
                  <div className="interactive-item" key={i}>
                    {text(`buttons.${i}.title`, t('interactive.buttonTitle', { n: i + 1 }), title, (v) =>
                      change({ buttons: form.buttons.map((b, j) => (j === i ? v : b)) }, `buttons.${i}.title`),
                    )}
                    <div className="remove-slot">
                      {form.buttons.length > 1 && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => change({ buttons: form.buttons.filter((_, j) => j !== i) }, 'buttons')}
                        >
                          {t('interactive.remove')}
                        </button>
                      )}
                    </div>
                  </div>
                ))}
                {issueOf('buttons')}
                {form.buttons.length < MAX_BUTTONS && (
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => change({ buttons: [...form.buttons, ''] })}
                  >
                    {t('interactive.addButton')}
                  </button>
                )}
              </div>
            ) : (
              <>
                {text('button', t('interactive.listButton'), form.listButton, (listButton) =>
                  change({ listButton }, 'button'),
                )}
                <div className="interactive-group">
                  <p className="muted small">{t('interactive.limits.list')}</p>
                  {issueOf('sections')}
                  {form.sections.map((section, s) => (
                    <div className="interactive-section" key={s}>
                      {text(
                        `sections.${s}.title`,
                        form.sections.length > 1
                          ? t('interactive.sectionTitle')
                          : t('interactive.sectionTitleOptional'),
                        section.title,
                        (title) => setSection(s, { ...section, title }, `sections.${s}.title`),
                      )}
                      {section.rows.map((row, r) => (
                        <div className="interactive-item row-item" key={r}>
                          {text(`sections.${s}.rows.${r}.title`, t('interactive.rowTitle'), row.title, (title) =>
                            setSection(
                              s,
                              { ...section, rows: section.rows.map((x, j) => (j === r ? { ...x, title } : x)) },
                              `sections.${s}.rows.${r}.title`,
                              'sections',
                            ),
                          )}
                          {text(
                            `sections.${s}.rows.${r}.description`,
                            t('interactive.rowDescription'),
                            row.description,
                            (description) =>
                              setSection(
                                s,
                                { ...section, rows: section.rows.map((x, j) => (j === r ? { ...x, description } : x)) },
                                `sections.${s}.rows.${r}.description`,
                              ),
                          )}
                          <div className="remove-slot">
                            {section.rows.length > 1 && (
                              <button
                                type="button"
                                className="btn small"
                                onClick={() =>
                                  setSection(
                                    s,
                                    { ...section, rows: section.rows.filter((_, j) => j !== r) },
                                    'sections',
                                  )
                                }
                              >
                                {t('interactive.remove')}
                              </button>
                            )}
                          </div>
                        </div>
                      ))}
                      {rowCount < MAX_LIST_ROWS && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() =>
                            setSection(s, { ...section, rows: [...section.rows, { title: '', description: '' }] })
                          }
                        >
                          {t('interactive.addRow')}
                        </button>
                      )}
                    </div>
                  ))}
                  {rowCount < MAX_LIST_ROWS && (
                    <button
                      type="button"
                      className="btn small"
                      onClick={() =>
                        change({ sections: [...form.sections, { title: '', rows: [{ title: '', description: '' }] }] })
                      }
                    >
                      {t('interactive.addSection')}
                    </button>
                  )}
                </div>
              </>
            )}
          </div>
          <section className="interactive-preview" aria-label={t('interactive.preview')}>
            <div className="muted">{t('interactive.previewHint')}</div>
            <InteractivePreview form={form} />
          </section>
        </div>
        <div className="buttons">
          <button type="button" className="btn" onClick={onClose}>
            {t('interactive.cancel')}
          </button>
          <button type="submit" className="btn primary">
            {t('interactive.send')}
          </button>
        </div>
      </form>
    </div>
  );
}
