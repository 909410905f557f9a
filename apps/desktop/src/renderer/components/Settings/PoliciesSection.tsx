import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PolicyPreviewDTO, PriorityRulesDTO, SlaPoliciesDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { useFormat } from '../../i18n/format';
import { useTriageFormat } from '../../lib/triage-format';
import type { SettingsSectionProps } from './sections';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const DOCUMENTS = {
  rules: {
    path: '/api/settings/priority-rules',
    schema: PriorityRulesDTO,
    draft: 'priorityRules',
    saveLabel: 'policies.saveRules',
  },
  sla: {
    path: '/api/settings/sla-policies',
    schema: SlaPoliciesDTO,
    draft: 'slaPolicies',
    saveLabel: 'policies.saveSla',
  },
} as const;
type Which = keyof typeof DOCUMENTS;

const loadBoth = async () => ({
  rules: await settingsRequest('GET', DOCUMENTS.rules.path, PriorityRulesDTO),
  sla: await settingsRequest('GET', DOCUMENTS.sla.path, SlaPoliciesDTO),
});
const contentOf = ({ version: _v, updatedAt: _u, updatedBy: _b, ...content }: PriorityRulesDTO | SlaPoliciesDTO) =>
  JSON.stringify(content, null, 2);

/**
 * Priority rules and SLA policies as their JSON, with a preview of what a sample conversation would get under
 * the draft. Admins save (naming the version edited); supervisors read and preview. Refusals name the field.
 */
export function PoliciesSection({ role }: SettingsSectionProps) {
  const { t } = useTranslation(['settings', 'common']);
  const docs = useLoaded(loadBoth);
  const [which, setWhich] = useState<Which>('rules');
  const [drafts, setDrafts] = useState<Partial<Record<Which, string>>>({});
  const [sample, setSample] = useState(() => t('policies.sampleText'));
  const [preview, setPreview] = useState<PolicyPreviewDTO | null>(null);
  const { outcome, save: run } = useSaver();
  if (!docs.value) return <p className="muted">{docs.error ?? t('loading')}</p>;
  const doc = DOCUMENTS[which];
  const docName = t(`policies.${which}`);
  const text = drafts[which] ?? contentOf(docs.value[which]);

  const parsedDraft = (): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(t('policies.invalidJson', { document: docName, error: (error as Error).message }));
    }
  };
  const tryIt = () =>
    run(async () => {
      const body = { sample: { text: sample }, [doc.draft]: parsedDraft() };
      setPreview(await settingsRequest('POST', '/api/settings/policy-preview', PolicyPreviewDTO, body));
      return t('policies.previewReady');
    });
  const save = () =>
    run(async () => {
      const draft = parsedDraft() as Record<string, unknown>;
      const saved = await settingsRequest('PUT', doc.path, doc.schema, {
        ...draft,
        version: docs.value![which].version,
      });
      setDrafts({ ...drafts, [which]: undefined });
      docs.reload();
      return t('policies.saved', { document: docName, version: saved.version });
    });

  return (
    <>
      <SectionHeader title={t('section.policies')} hint={t('policies.hint')} />
      <div className="settings-tabs" role="tablist">
        {(Object.keys(DOCUMENTS) as Which[]).map((w) => (
          <button
            key={w}
            role="tab"
            aria-selected={w === which}
            className={`btn small ${w === which ? 'primary' : 'ghost'}`}
            onClick={() => setWhich(w)}
          >
            {t(`policies.${w}`)}
          </button>
        ))}
        <span className="muted">
          {t('policies.version', { version: docs.value[which].version })}
          {docs.value[which].updatedBy
            ? t('policies.by', { name: docs.value[which].updatedBy!.name })
            : t('policies.shipped')}
        </span>
      </div>
      <textarea
        className="settings-json"
        aria-label={docName}
        spellCheck={false}
        value={text}
        readOnly={role !== 'admin'}
        onChange={(e) => setDrafts({ ...drafts, [which]: e.target.value })}
      />
      <div className="settings-form">
        <label>
          {t('policies.sample')}{' '}
          <input aria-label={t('policies.sample')} value={sample} onChange={(e) => setSample(e.target.value)} />
        </label>
        <button className="btn" onClick={() => void tryIt()}>
          {t('policies.preview')}
        </button>
        {role === 'admin' && (
          <button className="btn primary" onClick={() => void save()}>
            {t(doc.saveLabel)}
          </button>
        )}
      </div>
      <Outcome outcome={outcome} />
      {preview && <PreviewCard preview={preview} />}
    </>
  );
}

function PreviewCard({ preview }: { preview: PolicyPreviewDTO }) {
  const { t } = useTranslation(['settings', 'common']);
  const f = useFormat();
  const { intentName, namingIntents } = useTriageFormat();
  const priority = t(`common:priority.${preview.priority}`);
  const rules = preview.matchedRules.map((r) => r.id).join(', ');
  const sla = preview.sla.map((s) =>
    t('policies.slaTarget', { kind: t(`common:slaKind.${s.kind}`), time: f.duration(s.minutes * 60_000) }),
  );
  return (
    <dl className="settings-preview" aria-label={t('policies.preview')}>
      <dt>{t('policies.intent')}</dt>
      <dd>
        {t('policies.confidence', {
          intent: intentName(preview.intent),
          confidence: f.percent(Math.round(preview.confidence * 100) / 100),
          language: t(`common:languageName.${preview.language}`),
        })}
      </dd>
      <dt>{t('policies.priority')}</dt>
      <dd>{rules ? t('policies.byRules', { priority, rules }) : priority}</dd>
      <dt>{t('policies.queue')}</dt>
      <dd>{preview.queue ? `${preview.queue.name}: ${namingIntents(preview.queue.why)}` : t('policies.none')}</dd>
      <dt>{t('policies.slaHeading')}</dt>
      <dd>{sla.join('; ') || t('policies.none')}</dd>
    </dl>
  );
}
