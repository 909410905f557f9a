import { useEffect, useState } from 'react';
import { z } from 'zod';
import { AuditEntityType, AuditEntryDTO, pageOf } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { SectionHeader } from './settings-ui';

/** Every settings change, newest first: who, when, what, before and after; filtered by kind; exported as CSV. */
export function AuditSection() {
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
      <SectionHeader title="Audit log" hint="Every change made in settings." />
      <div className="settings-form">
        <label>
          Kind
          <select aria-label="Kind" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Everything</option>
            {AuditEntityType.options.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {error && <p className="settings-refused">{error}</p>}
      <table className="settings-table" aria-label="Audit log">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Changed</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>
                {e.actor.name} <span className="muted">({e.actor.role})</span>
              </td>
              <td>
                {e.action} <strong>{e.entity.name}</strong>
              </td>
              <td title={`before: ${JSON.stringify(e.before)}\nafter: ${JSON.stringify(e.after)}`}>
                {e.changes.join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
