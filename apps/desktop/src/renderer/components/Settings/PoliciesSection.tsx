import { useState } from 'react';
import { PolicyPreviewDTO, PriorityRulesDTO, SlaPoliciesDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import type { SettingsSectionProps } from './sections';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const DOCUMENTS = {
  rules: {
    label: 'Priority rules',
    path: '/api/settings/priority-rules',
    schema: PriorityRulesDTO,
    draft: 'priorityRules',
  },
  sla: { label: 'SLA policies', path: '/api/settings/sla-policies', schema: SlaPoliciesDTO, draft: 'slaPolicies' },
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
  const docs = useLoaded(loadBoth);
  const [which, setWhich] = useState<Which>('rules');
  const [drafts, setDrafts] = useState<Partial<Record<Which, string>>>({});
  const [sample, setSample] = useState('My order never arrived and I want a refund');
  const [preview, setPreview] = useState<PolicyPreviewDTO | null>(null);
  const { outcome, save: run } = useSaver();
  if (!docs.value) return <p className="muted">{docs.error ?? 'Loading…'}</p>;
  const doc = DOCUMENTS[which];
  const text = drafts[which] ?? contentOf(docs.value[which]);

  const parsedDraft = (): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${doc.label} are not valid JSON: ${(error as Error).message}`);
    }
  };
  const tryIt = () =>
    run(async () => {
      const body = { sample: { text: sample }, [doc.draft]: parsedDraft() };
      setPreview(await settingsRequest('POST', '/api/settings/policy-preview', PolicyPreviewDTO, body));
      return 'Preview of the draft below.';
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
      return `${doc.label} saved as version ${saved.version}; every server uses them within seconds.`;
    });

  return (
    <>
      <SectionHeader title="Priority & SLA" hint="Edit, preview on a sample conversation, then save." />
      <div className="settings-tabs" role="tablist">
        {(Object.keys(DOCUMENTS) as Which[]).map((w) => (
          <button
            key={w}
            role="tab"
            aria-selected={w === which}
            className={`btn small ${w === which ? 'primary' : 'ghost'}`}
            onClick={() => setWhich(w)}
          >
            {DOCUMENTS[w].label}
          </button>
        ))}
        <span className="muted">
          Version {docs.value[which].version}
          {docs.value[which].updatedBy ? `, by ${docs.value[which].updatedBy!.name}` : ', from the shipped file'}
        </span>
      </div>
      <textarea
        className="settings-json"
        aria-label={doc.label}
        spellCheck={false}
        value={text}
        readOnly={role !== 'admin'}
        onChange={(e) => setDrafts({ ...drafts, [which]: e.target.value })}
      />
      <div className="settings-form">
        <label>
          Sample message{' '}
          <input aria-label="Sample message" value={sample} onChange={(e) => setSample(e.target.value)} />
        </label>
        <button className="btn" onClick={() => void tryIt()}>
          Preview
        </button>
        {role === 'admin' && (
          <button className="btn primary" onClick={() => void save()}>
            Save {doc.label.toLowerCase()}
          </button>
        )}
      </div>
      <Outcome outcome={outcome} />
      {preview && <PreviewCard preview={preview} />}
    </>
  );
}

function PreviewCard({ preview }: { preview: PolicyPreviewDTO }) {
  return (
    <dl className="settings-preview" aria-label="Preview">
      <dt>Intent</dt>
      <dd>
        {preview.intent} ({Math.round(preview.confidence * 100)}%, {preview.language})
      </dd>
      <dt>Priority</dt>
      <dd>
        {preview.priority}
        {preview.matchedRules.length > 0 && ` by ${preview.matchedRules.map((r) => r.id).join(', ')}`}
      </dd>
      <dt>Queue</dt>
      <dd>{preview.queue ? `${preview.queue.name}: ${preview.queue.why}` : 'none'}</dd>
      <dt>SLA</dt>
      <dd>{preview.sla.map((s) => `${s.kind.replace('_', ' ')} in ${s.minutes} min`).join('; ') || 'none'}</dd>
    </dl>
  );
}
