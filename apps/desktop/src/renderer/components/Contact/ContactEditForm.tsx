import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactTier, Language, type ContactDTO } from '@switchboard/shared';
import { failureText } from '../../i18n/errors';
import { draftOf, type ContactDraft } from '../../lib/contact-edit';
import { useStore } from '../../store';

const issueId = (field: string) => `contact-issue-${field.replace(/\W/g, '_')}`;

/** Edits the profile; saving checks it with the shared schema and marks each field at fault beside it. */
export function ContactEditForm({ contact, onDone }: { contact: ContactDTO; onDone: () => void }) {
  const { t } = useTranslation(['contact', 'common']);
  const save = useStore((s) => s.saveContact);
  const saving = useStore((s) => s.contactSaving);
  const refusal = useStore((s) => s.contactRefusal);
  const clearRefusal = useStore((s) => s.clearContactRefusal);
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(contact));
  const fields = refusal?.fields ?? {};
  const change = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRow = (at: number, patch: Partial<ContactDraft['attributes'][number]>) =>
    change({ attributes: draft.attributes.map((row, i) => (i === at ? { ...row, ...patch } : row)) });

  const close = () => {
    clearRefusal();
    onDone();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save(contact, draft)) close();
  };
  /** The props that tie an input to the issue the schema or server named for it. */
  const faultOf = (field: string) => ({
    'aria-invalid': field in fields,
    'aria-describedby': field in fields ? issueId(field) : undefined,
  });
  const issue = (field: string) =>
    field in fields && (
      <div className="field-issue" id={issueId(field)} data-field={field} role="alert">
        {fields[field]}
      </div>
    );

  return (
    <form className="contact-form" aria-label={t('edit')} onSubmit={(e) => void submit(e)}>
      {refusal && (
        <div className="contact-refused" role="alert">
          <strong>{t('notSaved')}</strong> {failureText(refusal.failure)}
          {Object.keys(fields).length === 0 && <div className="error-detail">{refusal.failure.message}</div>}
        </div>
      )}
      <label>
        {t('field.name')}
        <input
          className="input"
          name="name"
          value={draft.name}
          placeholder={contact.profileName ?? undefined}
          onChange={(e) => change({ name: e.target.value })}
          {...faultOf('name')}
          autoFocus
        />
      </label>
      {issue('name')}
      <label>
        {t('field.email')}
        <input
          className="input"
          name="email"
          type="text"
          inputMode="email"
          value={draft.email}
          onChange={(e) => change({ email: e.target.value })}
          {...faultOf('email')}
        />
      </label>
      {issue('email')}
      <label>
        {t('field.language')}
        <select
          className="select"
          name="language"
          value={draft.language}
          onChange={(e) => change({ language: e.target.value as ContactDraft['language'] })}
          {...faultOf('language')}
        >
          <option value="">{t('anyLanguage')}</option>
          {Language.options.map((lang) => (
            <option key={lang} value={lang}>
              {t(`common:languageName.${lang}`)}
            </option>
          ))}
        </select>
      </label>
      {issue('language')}
      <label>
        {t('field.tier')}
        <select
          className="select"
          name="tier"
          value={draft.tier}
          onChange={(e) => change({ tier: e.target.value as ContactTier })}
          {...faultOf('tier')}
        >
          {ContactTier.options.map((tier) => (
            <option key={tier} value={tier}>
              {t(`tier.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      {issue('tier')}
      <fieldset className="contact-attributes">
        <legend>{t('field.attributes')}</legend>
        {draft.attributes.map((row, at) => {
          const field = `attributes.${row.key.trim()}`;
          return (
            <div key={at}>
              <div className="attribute-row">
                <input
                  className="input"
                  aria-label={t('attributeKey')}
                  value={row.key}
                  onChange={(e) => setRow(at, { key: e.target.value })}
                  {...faultOf(field)}
                />
                <input
                  className="input"
                  aria-label={t('attributeValue')}
                  value={row.value}
                  onChange={(e) => setRow(at, { value: e.target.value })}
                />
                <button
                  type="button"
                  className="btn small ghost"
                  aria-label={t('removeAttribute', { key: row.key })}
                  onClick={() => change({ attributes: draft.attributes.filter((_, i) => i !== at) })}
                >
                  ×
                </button>
              </div>
              {issue(field)}
            </div>
          );
        })}
        {issue('attributes')}
        <button
          type="button"
          className="btn small ghost"
          onClick={() => change({ attributes: [...draft.attributes, { key: '', value: '' }] })}
        >
          {t('addAttribute')}
        </button>
      </fieldset>
      <label>
        {t('field.notes')}
        <textarea
          className="textarea"
          name="notes"
          rows={3}
          value={draft.notes}
          onChange={(e) => change({ notes: e.target.value })}
          {...faultOf('notes')}
        />
      </label>
      {issue('notes')}
      <div className="buttons">
        <button type="button" className="btn" onClick={close}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
