import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TemplateCategory,
  TemplateParameterType,
  type ErrorIssue,
  type TemplateDTO,
  type TemplateParameter,
} from '@switchboard/shared';
import { fieldOf } from '../../services/settings.service';
import { draftOf, emptyDraft, parametersFor, type TemplateDraft } from './template-draft';
import { ManualStatus } from './TemplateManualStatus';
import { TemplatePreview } from './TemplatePreview';

type Props = {
  /** The template a new version is made of; null for a new template. */
  template: TemplateDTO | null;
  /** What the last save was refused for: the fields named are marked. */
  issues: ErrorIssue[];
  onSave: (draft: TemplateDraft) => void;
  onClose: () => void;
};

/**
 * A new template or a new version of one: header, body with its {{1}}… parameters (each typed, with the sample
 * value WhatsApp reviews, which the preview fills in), footer, and the status WhatsApp reported: recorded by hand,
 * unless the template is under WhatsApp's review, whose webhook sets it.
 */
export function TemplateEditor({ template, issues, onSave, onClose }: Props) {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<TemplateDraft>(() => (template ? draftOf(template) : emptyDraft()));
  // Fields changed since the last refusal are no longer marked: the admin is fixing them.
  const [edited, setEdited] = useState<string[]>([]);
  useEffect(() => setEdited([]), [issues]);
  const touch = (...fields: string[]) => setEdited((before) => [...before, ...fields]);
  const set = (change: Partial<TemplateDraft>) => {
    touch(...Object.keys(change));
    setDraft({ ...draft, ...change });
  };
  const setParameter = (i: number, change: Partial<TemplateParameter>) => {
    touch(...Object.keys(change).map((key) => `parameters.${i}.${key}`));
    setDraft({ ...draft, parameters: draft.parameters.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  };
  const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`);
  const faulty = issues.map(fieldOf).filter((path) => !edited.some((field) => within(path, field)));
  /** `aria-invalid` for a field the last refusal named (itself, or a part of it) and not changed since. */
  const invalid = (field: string) => (faulty.some((path) => within(path, field)) ? true : undefined);
  const title = template ? `${template.name} (${template.language})` : t('templates.new');

  return (
    <div className="settings-template-editor">
      <form
        className="settings-form settings-template-form"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          onSave(draft);
        }}
      >
        <h4>{title}</h4>
        {!template && (
          <>
            <label>
              {t('templates.name')}
              <input
                name="name"
                aria-invalid={invalid('name')}
                value={draft.name}
                placeholder="order_update"
                onChange={(e) => set({ name: e.target.value })}
              />
            </label>
            <label>
              {t('templates.language')}
              <input
                name="language"
                aria-invalid={invalid('language')}
                value={draft.language}
                onChange={(e) => set({ language: e.target.value })}
              />
            </label>
          </>
        )}
        <label>
          {t('templates.category')}
          <select
            name="category"
            aria-invalid={invalid('category')}
            value={draft.category}
            onChange={(e) => set({ category: e.target.value as TemplateDraft['category'] })}
          >
            {TemplateCategory.options.map((c) => (
              <option key={c} value={c}>
                {t(`templates.categoryValue.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="settings-template-wide">
          {t('templates.header')}
          <input
            name="headerText"
            aria-invalid={invalid('headerText')}
            value={draft.headerText}
            onChange={(e) => set({ headerText: e.target.value })}
          />
        </label>
        <label className="settings-template-wide">
          {t('templates.body')}
          <textarea
            name="body"
            aria-invalid={invalid('body') ?? (faulty.includes('parameters') || undefined)}
            rows={4}
            value={draft.body}
            onChange={(e) => set({ body: e.target.value, parameters: parametersFor(draft, e.target.value) })}
          />
          <span className="muted">{t('templates.bodyHint', { placeholders: '{{1}}, {{2}}, …' })}</span>
        </label>
        <label className="settings-template-wide">
          {t('templates.footer')}
          <input
            name="footer"
            aria-invalid={invalid('footer')}
            value={draft.footer}
            onChange={(e) => set({ footer: e.target.value })}
          />
        </label>
        {draft.parameters.length > 0 && (
          <fieldset className="settings-template-wide settings-template-parameters">
            <legend>{t('templates.parameters')}</legend>
            {draft.parameters.map((p, i) => (
              <div key={p.name} className="settings-template-parameter" data-parameter={p.name}>
                <code>{`{{${p.name}}}`}</code>
                <select
                  aria-label={`${t('templates.type')} {{${p.name}}}`}
                  aria-invalid={invalid(`parameters.${i}.type`)}
                  value={p.type}
                  onChange={(e) => setParameter(i, { type: e.target.value as TemplateParameter['type'] })}
                >
                  {TemplateParameterType.options.map((type) => (
                    <option key={type}>{type}</option>
                  ))}
                </select>
                <input
                  aria-label={`${t('templates.example')} {{${p.name}}}`}
                  aria-invalid={invalid(`parameters.${i}.example`)}
                  placeholder={t('templates.example')}
                  value={p.example}
                  onChange={(e) => setParameter(i, { example: e.target.value })}
                />
              </div>
            ))}
          </fieldset>
        )}
        {template?.review ? (
          <p className="muted settings-template-wide">{t('templates.statusByWhatsApp')}</p>
        ) : (
          <ManualStatus draft={draft} set={set} invalid={invalid} />
        )}
        <div className="settings-template-actions">
          <button className="btn primary" type="submit">
            {template ? t('templates.saveVersion', { version: template.version + 1 }) : t('templates.create')}
          </button>
          <button className="btn ghost" type="button" onClick={onClose}>
            {t('templates.close')}
          </button>
        </div>
      </form>
      <TemplatePreview draft={draft} />
    </div>
  );
}
