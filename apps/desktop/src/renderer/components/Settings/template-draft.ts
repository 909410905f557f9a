import {
  CreateTemplateRequest,
  describeIssues,
  placeholdersOf,
  renderTemplateBody,
  templateDefinitionIssues,
  UpdateTemplateRequest,
  type ErrorIssue,
  type TemplateDTO,
  type TemplateParameter,
  type TemplateSnapshot,
} from '@switchboard/shared';

/** What the editor holds: a template's content as typed, header and footer as '' when there are none. */
export type TemplateDraft = Omit<TemplateSnapshot, 'headerText' | 'footer' | 'rejectionReason'> & {
  headerText: string;
  footer: string;
  rejectionReason: string;
};

export const emptyDraft = (): TemplateDraft => ({
  name: '',
  language: 'en',
  category: 'utility',
  parameterFormat: 'positional',
  body: '',
  parameters: [],
  headerText: '',
  footer: '',
  status: 'pending',
  rejectionReason: '',
});

export const draftOf = (t: TemplateDTO): TemplateDraft => ({
  ...t,
  parameters: t.parameters.map((p) => ({ ...p })),
  headerText: t.headerText ?? '',
  footer: t.footer ?? '',
  rejectionReason: t.rejectionReason ?? '',
});

const POSITION = /^[1-9]\d*$/;

/**
 * The parameters the body uses, in order: {{1}} to the highest position (positional), or each name as it
 * first appears (named). One typed before keeps its type and sample value.
 */
export function parametersFor(draft: TemplateDraft, body: string): TemplateParameter[] {
  const tokens = placeholdersOf(body);
  const highest = Math.max(0, ...tokens.filter((t) => POSITION.test(t)).map(Number));
  const names =
    draft.parameterFormat === 'positional' ? Array.from({ length: highest }, (_, i) => String(i + 1)) : tokens;
  return names.map((name) => draft.parameters.find((p) => p.name === name) ?? { name, type: 'text', example: '' });
}

/** The body as the customer reads it, each parameter filled with the sample value typed for it. */
export const previewOf = (draft: TemplateDraft) =>
  renderTemplateBody(
    draft.body,
    new Map(draft.parameters.filter((p) => p.example.trim()).map((p) => [p.name, p.example.trim()])),
  );

const orNull = (text: string) => text.trim() || null;
const snapshotOf = (d: TemplateDraft): TemplateSnapshot => ({
  ...d,
  headerText: orNull(d.headerText),
  footer: orNull(d.footer),
  rejectionReason: d.status === 'rejected' ? orNull(d.rejectionReason) : null,
});

type Checked<T> = { ok: true; request: T } | { ok: false; issues: ErrorIssue[] };

/** A new template, checked by the shared schema the server uses: the issues name the fields at fault. */
export function createRequest(draft: TemplateDraft): Checked<CreateTemplateRequest> {
  const parsed = CreateTemplateRequest.safeParse(snapshotOf(draft));
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, issues: describeIssues(parsed.error.issues) };
}

const FIELDS = ['category', 'body', 'parameters', 'headerText', 'footer', 'status', 'rejectionReason'] as const;

/** A new version: the fields that differ from `current`, checked alone and as the whole template they make. */
export function updateRequest(current: TemplateDTO, draft: TemplateDraft): Checked<UpdateTemplateRequest> {
  const next = snapshotOf(draft);
  const changed = FIELDS.filter((f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]));
  const parsed = UpdateTemplateRequest.safeParse({
    version: current.version,
    ...Object.fromEntries(changed.map((f) => [f, next[f]])),
  });
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error.issues) };
  // A content change makes the template pending again unless a status is given: check what it will be.
  const contentChanged = changed.some((f) => f !== 'status' && f !== 'rejectionReason');
  const status = changed.includes('status') || !contentChanged ? next.status : 'pending';
  const issues = templateDefinitionIssues({
    ...next,
    status,
    rejectionReason: status === 'rejected' ? next.rejectionReason : null,
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, request: parsed.data };
}
