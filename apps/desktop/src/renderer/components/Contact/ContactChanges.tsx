import { useTranslation } from 'react-i18next';
import type { ContactChangeDTO, ContactFieldChange } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';

const PROFILE_FIELDS = new Set(['name', 'email', 'language', 'tier', 'notes']);

/** Who changed the contact's profile, what and when: newest first. */
export function ContactChanges() {
  const { t } = useTranslation('contact');
  const format = useFormat();
  const changes = useStore((s) => s.contactChanges);

  return (
    <div className="contact-changes">
      <h3 className="section-title">{t('changes.title')}</h3>
      {changes.length === 0 && <div className="muted">{t('changes.none')}</div>}
      <ul aria-label={t('changes.title')}>
        {changes.map((record) => (
          <li key={record.id} className="contact-change">
            <div>
              <strong>{headline(record, t)}</strong>{' '}
              <span className="muted" title={format.fullDate(record.at)}>
                {format.shortDate(record.at)}
              </span>
            </div>
            {record.changes.map((change) => (
              <FieldChange key={change.field} change={change} />
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

type T = ReturnType<typeof useTranslation<'contact'>>['t'];

function headline(record: ContactChangeDTO, t: T): string {
  const who = record.actor?.name ?? t('changes.someone');
  if (record.kind === 'merged') return t('changes.merged', { who });
  if (record.kind === 'merged-away') return t('changes.mergedAway', { who });
  return t('changes.edited', { who });
}

function FieldChange({ change }: { change: ContactFieldChange }) {
  const { t } = useTranslation(['contact', 'common']);
  const known = PROFILE_FIELDS.has(change.field);
  const label = change.field.startsWith('attribute:')
    ? t('field.attribute', { key: change.field.slice('attribute:'.length) })
    : known
      ? t(`field.${change.field as 'name'}`)
      : change.field;
  const shown = (value: string | null) => {
    if (value === null) return <em className="muted">{t('changes.empty')}</em>;
    if (change.field === 'tier' && (value === 'vip' || value === 'standard')) return t(`tier.${value}`);
    if (change.field === 'language' && (value === 'en' || value === 'es' || value === 'pt'))
      return t(`common:languageName.${value}`);
    return value;
  };
  return (
    <div className="field-change" data-field={change.field}>
      <span className="muted">{label}:</span> <del>{shown(change.before)}</del> → <ins>{shown(change.after)}</ins>
    </div>
  );
}
