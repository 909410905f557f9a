import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AuditEntityType, AuditEntryDTO, pageOf } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { useFormat } from '../../i18n/format';
import { SectionHeader } from './settings-ui';
import { auditField, auditVerb } from './audit-labels';

/** Every settings change, newest first: who, when, what, before and after; filtered by kind; exported as CSV. */
export function AuditSection() {
  const { t } = useTranslation('settings');
  const f = useFormat();
  const [type, setType] = useState<string>('');
  const [entries, setEntries] = useState<AuditEntryDTO[]>([]);
  const [error, setError] = useState<string | null>(null);
  const query = type ? `?entityType=${type}` : '';
  useEffect(() => {
    settingsRequest('GET', `/api/audit${query}${query ? '&' : '?'}limit=100`, pageOf(AuditEntryDTO)).then(
      (page) => setEntries(page.items),
      (e: unknown) => setError(String(e)),
    );
  }, [query]);
  const exportCsv = async () => {
    const csv = await settingsRequest('GET', `/api/audit/export${query}`, z.string());
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'switchboard-audit.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      <SectionHeader title={t('section.audit')} hint={t('audit.hint')} />
      <div className="settings-form">
        <label>
          {t('audit.kind')}
          <select aria-label={t('audit.kind')} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('audit.everything')}</option>
            {AuditEntityType.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`audit.entity.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
      </div>
      {error && <p className="settings-refused">{error}</p>}
      <table className="settings-table" aria-label={t('section.audit')}>
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.changed')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td title={f.fullDate(e.at)}>{f.dateTime(e.at)}</td>
              <td>
                {e.actor.name} <span className="muted">({t(`role.${e.actor.role}`)})</span>
              </td>
              <td>
                {auditVerb(e.action, t)} <strong>{e.entity.name}</strong>{' '}
                <span className="muted">({t(`audit.entity.${e.entity.type}`)})</span>
              </td>
              <td title={t('audit.beforeAfter', { before: JSON.stringify(e.before), after: JSON.stringify(e.after) })}>
                {e.changes.map((field) => auditField(field, t)).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
