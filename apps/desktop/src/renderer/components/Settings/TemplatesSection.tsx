import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TemplateDTO } from '@switchboard/shared';
import { settingsRequest, SettingsError } from '../../services/settings.service';
import { useStore } from '../../store';
import type { SettingsSectionProps } from './sections';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';
import { TemplateEditor } from './TemplateEditor';
import { TemplateHistory } from './TemplateHistory';
import { TemplateReview } from './TemplateReview';
import { createRequest, updateRequest, type TemplateDraft } from './template-draft';

const loadTemplates = async () =>
  (await settingsRequest('GET', '/api/templates', z.object({ items: z.array(TemplateDTO) }))).items;

const NO_ISSUES: SettingsError['issues'] = [];

/** What is open below the list: the editor (of a new template, or a template's next version) or a history. */
type Open = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'history'; id: string } | null;

/**
 * WhatsApp message templates: name, language, category, where WhatsApp's review stands, and versions. Admins
 * create templates and new versions (checked with the shared schemas before they are sent, the server checks
 * again and audits the change); supervisors read them and their history.
 */
export function TemplatesSection({ role }: SettingsSectionProps) {
  const { t } = useTranslation('settings');
  const templates = useLoaded(loadTemplates);
  // The server says when a template changed (WhatsApp's review decided, someone made a version): read them again.
  const revision = useStore((s) => s.templatesRevision);
  const { reload } = templates;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  const [open, setOpen] = useState<Open>(null);
  const { outcome, save } = useSaver(templates.reload);
  const admin = role === 'admin';
  const issues = useMemo(() => (outcome.kind === 'refused' ? outcome.issues : NO_ISSUES), [outcome]);
  const chosen = open && open.kind !== 'new' ? templates.value?.find((x) => x.id === open.id) : undefined;

  const submit = (draft: TemplateDraft) =>
    save(async () => {
      const refuse = (found: SettingsError['issues']) => {
        throw new SettingsError(t('templates.refused'), 'VALIDATION_FAILED', found);
      };
      if (!chosen) {
        const checked = createRequest(draft);
        if (!checked.ok) return refuse(checked.issues);
        const created = await settingsRequest('POST', '/api/templates', TemplateDTO, checked.request);
        setOpen(null);
        return t('templates.created', { name: created.name, language: created.language });
      }
      const checked = updateRequest(chosen, draft);
      if (!checked.ok) return refuse(checked.issues);
      const saved = await settingsRequest('PATCH', `/api/templates/${chosen.id}`, TemplateDTO, checked.request);
      setOpen(null);
      return t('templates.saved', { name: saved.name, language: saved.language, version: saved.version });
    });

  const resubmit = (template: TemplateDTO) =>
    save(async () => {
      const sent = await settingsRequest('POST', `/api/templates/${template.id}/submit`, TemplateDTO);
      return sent.review?.failure
        ? t('templates.submitFailedAgain', { name: sent.name, language: sent.language })
        : t('templates.resubmitted', { name: sent.name, language: sent.language });
    });

  return (
    <>
      <SectionHeader title={t('templates.title')} hint={admin ? t('templates.hint') : t('templates.hintReadOnly')} />
      {admin && !open && (
        <div className="settings-tabs">
          <button className="btn primary" onClick={() => setOpen({ kind: 'new' })}>
            {t('templates.new')}
          </button>
        </div>
      )}
      <Outcome outcome={outcome} />
      {open?.kind === 'new' && (
        <TemplateEditor template={null} issues={issues} onSave={submit} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'edit' && chosen && (
        <TemplateEditor
          key={`${chosen.id}:${chosen.version}`}
          template={chosen}
          issues={issues}
          onSave={submit}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'history' && chosen && <TemplateHistory template={chosen} onClose={() => setOpen(null)} />}
      {templates.error && <p className="settings-refused">{templates.error}</p>}
      <table className="settings-table" aria-label={t('templates.title')}>
        <thead>
          <tr>
            <th>{t('templates.name')}</th>
            <th>{t('templates.language')}</th>
            <th>{t('templates.category')}</th>
            <th>{t('templates.status')}</th>
            <th>{t('templates.version')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {templates.value?.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('templates.empty')}
              </td>
            </tr>
          )}
          {(templates.value ?? []).map((x) => (
            <tr key={x.id} data-template={`${x.name}:${x.language}`}>
              <td>
                <code>{x.name}</code>
                <div className="muted settings-template-excerpt">{x.body}</div>
              </td>
              <td>{x.language}</td>
              <td>{t(`templates.categoryValue.${x.category}`)}</td>
              <td>
                <span className={`settings-template-status status-${x.status}`} title={x.rejectionReason ?? undefined}>
                  {t(`templates.statusValue.${x.status}`)}
                </span>
                {x.rejectionReason && <div className="muted settings-template-reason">{x.rejectionReason}</div>}
                <TemplateReview template={x} onResubmit={admin ? () => resubmit(x) : null} />
              </td>
              <td>v{x.version}</td>
              <td className="settings-row-actions">
                {admin && (
                  <button className="btn ghost small" onClick={() => setOpen({ kind: 'edit', id: x.id })}>
                    {t('templates.edit')}
                  </button>
                )}
                <button className="btn ghost small" onClick={() => setOpen({ kind: 'history', id: x.id })}>
                  {t('templates.history')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
