import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactTier, Language, type ContactDTO } from '@switchboard/shared';
import { failureText } from '../../i18n/errors';
import { draftOf, type ContactDraft } from '../../lib/contact-edit';
import { useStore } from '../../store';
import { Field, FieldIssue, faultProps } from '../common/Field';

const ID_PREFIX = 'contact';

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
  const fault = (field: string) => faultProps(ID_PREFIX, field, fields);
  const issue = (field: string) => <FieldIssue idPrefix={ID_PREFIX} field={field} issues={fields} />;
  const field = (name: 'name' | 'email' | 'language' | 'tier' | 'notes') => ({
    idPrefix: ID_PREFIX,
    field: name,
    issues: fields,
    label: t(`field.${name}`),
  });

  return (
    <form className="contact-form" aria-label={t('edit')} onSubmit={(e) => void submit(e)}>
      {refusal && (
        <div className="contact-refused" role="alert">
          <strong>{t('notSaved')}</strong> {failureText(refusal.failure)}
          {Object.keys(fields).length === 0 && <div className="error-detail">{refusal.failure.message}</div>}
        </div>
      )}
      <Field {...field('name')}>
        {(fault) => (
          <input
            className="input"
            name="name"
            value={draft.name}
            placeholder={contact.profileName ?? undefined}
            onChange={(e) => change({ name: e.target.value })}
            {...fault}
            autoFocus
          />
        )}
      </Field>
      <Field {...field('email')}>
        {(fault) => (
          <input
            className="input"
            name="email"
            type="text"
            inputMode="email"
            value={draft.email}
            onChange={(e) => change({ email: e.target.value })}
            {...fault}
          />
        )}
      </Field>
      <Field {...field('language')}>
        {(fault) => (
          <select
            className="select"
            name="language"
            value={draft.language}
            onChange={(e) => change({ language: e.target.value as ContactDraft['language'] })}
            {...fault}
          >
            <option value="">{t('anyLanguage')}</option>
            {Language.options.map((lang) => (
              <option key={lang} value={lang}>
                {t(`common:languageName.${lang}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field {...field('tier')}>
        {(fault) => (
          <select
            className="select"
            name="tier"
            value={draft.tier}
            onChange={(e) => change({ tier: e.target.value as ContactTier })}
            {...fault}
          >
            {ContactTier.options.map((tier) => (
              <option key={tier} value={tier}>
                {t(`tier.${tier}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="contact-attributes">
        <legend>{t('field.attributes')}</legend>
        {draft.attributes.map((row, at) => {
          const path = `attributes.${row.key.trim()}`;
          return (
            <div key={at}>
              <div className="attribute-row">
                <input
                  className="input"
                  aria-label={t('attributeKey')}
                  value={row.key}
                  onChange={(e) => setRow(at, { key: e.target.value })}
                  {...fault(path)}
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
              {issue(path)}
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
      <Field {...field('notes')}>
        {(fault) => (
          <textarea
            className="textarea"
            name="notes"
            rows={3}
            value={draft.notes}
            onChange={(e) => change({ notes: e.target.value })}
            {...fault}
          />
        )}
      </Field>
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
