import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TemplateVersionDTO, type TemplateDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { settingsRequest } from '../../services/settings.service';
import { useLoaded } from './settings-ui';

/** Every version of a template, newest first: what changed, who changed it, when, and the body it had. */
export function TemplateHistory({ template, onClose }: { template: TemplateDTO; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const versions = useLoaded(async () =>
    (
      await settingsRequest(
        'GET',
        `/api/templates/${template.id}/history`,
        z.object({ items: z.array(TemplateVersionDTO) }),
      )
    ).items.reverse(),
  );
  return (
    <section
      className="settings-form settings-template-history"
      aria-label={`${t('templates.history')} ${template.name}`}
    >
      <h4>
        {t('templates.history')}: {template.name} ({template.language})
      </h4>
      {versions.error && <p className="settings-refused">{versions.error}</p>}
      <ol>
        {(versions.value ?? []).map((v) => (
          <li key={v.version} data-version={v.version}>
            <strong>v{v.version}</strong> {t(`templates.change.${v.change}`)}
            {v.changedFields.length > 0 && <code> {v.changedFields.join(', ')}</code>}{' '}
            <span className="muted">
              {t('templates.by', { name: v.changedBy.name })}, {format.dateTime(v.changedAt)} ·{' '}
              {t(`templates.statusValue.${v.snapshot.status}`)}
            </span>
            <div className="settings-template-history-body">{v.snapshot.body}</div>
          </li>
        ))}
      </ol>
      <button className="btn ghost small" type="button" onClick={onClose}>
        {t('templates.close')}
      </button>
    </section>
  );
}
