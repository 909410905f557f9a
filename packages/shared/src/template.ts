import { z } from 'zod';
import { templateDefinitionIssues } from './template-rules.js';
import { parameterValueIssue, TEMPLATE_VALUE_MAX_LENGTH } from './template-values.js';

export * from './template-rules.js';
export * from './template-values.js';

/** Meta's template categories, lowercased. */
export const TemplateCategory = z.enum(['marketing', 'utility', 'authentication']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;

/**
 * Where Meta's review stands; only `approved` templates can be sent. WhatsApp pauses a template whose quality fell
 * (`paused`, for hours) and disables one that stayed low (`disabled`); both come back `approved` when reinstated.
 */
export const TemplateStatus = z.enum(['approved', 'pending', 'rejected', 'paused', 'disabled']);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

/** Meta's `parameter_format`: POSITIONAL uses `{{1}}`, `{{2}}`…; NAMED uses `{{order_id}}`. */
export const TemplateParameterFormat = z.enum(['positional', 'named']);
export type TemplateParameterFormat = z.infer<typeof TemplateParameterFormat>;

export const TemplateParameterType = z.enum(['text', 'number', 'currency', 'date_time']);
export type TemplateParameterType = z.infer<typeof TemplateParameterType>;

export const TemplateName = z
  .string()
  .max(512)
  .regex(/^[a-z0-9_]+$/, 'must be lowercase letters, digits and underscores (Meta’s rule for template names)');

export const TemplateLanguage = z
  .string()
  .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a language code like en, es, en_US or pt_BR');

/** A declared parameter; positional ones are named '1', '2', … in order. `example` is what Meta reviews. */
export const TemplateParameter = z
  .object({ name: z.string().min(1).max(100), type: TemplateParameterType, example: z.string().max(1024) })
  .superRefine((p, ctx) => {
    const issue = parameterValueIssue(p.type, p.example);
    if (issue) ctx.addIssue({ code: 'custom', path: ['example'], message: issue });
  });
export type TemplateParameter = z.infer<typeof TemplateParameter>;

const Body = z.string().trim().min(1).max(1024);
const HeaderText = z.string().trim().min(1).max(60).nullable();
const Footer = z.string().trim().min(1).max(60).nullable();
const RejectionReason = z.string().trim().min(1).max(500).nullable();

/** What one version of a template says; the catalogue keeps one of these per version. */
export const TemplateSnapshot = z.object({
  name: z.string(),
  language: z.string(),
  category: TemplateCategory,
  parameterFormat: TemplateParameterFormat,
  body: z.string(),
  parameters: z.array(TemplateParameter),
  headerText: z.string().nullable(),
  footer: z.string().nullable(),
  status: TemplateStatus,
  rejectionReason: z.string().nullable(),
});
export type TemplateSnapshot = z.infer<typeof TemplateSnapshot>;

/**
 * Where the template stands with WhatsApp's review, for a catalogue whose numbers have a WhatsApp Business
 * Account (WABA); null when none has one and the status is recorded by hand. `metaTemplateId` is Meta's id once
 * the submission was accepted; `failure` says why the last submission did not reach the review (the template
 * stays pending and can be submitted again).
 */
export const TemplateReviewDTO = z.object({
  wabaId: z.string(),
  metaTemplateId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  failure: z.string().nullable(),
});
export type TemplateReviewDTO = z.infer<typeof TemplateReviewDTO>;

export const TemplateDTO = TemplateSnapshot.extend({
  id: z.string(),
  version: z.number().int().min(1),
  review: TemplateReviewDTO.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateDTO = z.infer<typeof TemplateDTO>;

/** `status-changed` when only the status (and its reason) moved; `edited` when the content did. */
export const TemplateChange = z.enum(['created', 'edited', 'status-changed']);
export type TemplateChange = z.infer<typeof TemplateChange>;

export const TemplateVersionDTO = z.object({
  templateId: z.string(),
  version: z.number().int().min(1),
  change: TemplateChange,
  changedFields: z.array(z.string()),
  /** `id` is null for changes the server made itself (the built-in catalogue). */
  changedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  changedAt: z.string(),
  snapshot: TemplateSnapshot,
});
export type TemplateVersionDTO = z.infer<typeof TemplateVersionDTO>;

const addIssues = (issues: { path: string; message: string }[], ctx: z.RefinementCtx) => {
  for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
};

export const CreateTemplateRequest = z
  .object({
    name: TemplateName,
    language: TemplateLanguage,
    category: TemplateCategory,
    parameterFormat: TemplateParameterFormat.default('positional'),
    body: Body,
    parameters: z.array(TemplateParameter).max(100).default([]),
    headerText: HeaderText.default(null),
    footer: Footer.default(null),
    status: TemplateStatus.default('pending'),
    rejectionReason: RejectionReason.default(null),
  })
  .superRefine((t, ctx) => addIssues(templateDefinitionIssues(t), ctx));
export type CreateTemplateRequest = z.infer<typeof CreateTemplateRequest>;

/**
 * `version` is the version the change was made on: if the template moved on meanwhile the change is refused
 * (409) instead of silently overwriting someone else's edit.
 */
export const UpdateTemplateRequest = z
  .object({
    version: z.number().int().min(1),
    category: TemplateCategory.optional(),
    body: Body.optional(),
    parameters: z.array(TemplateParameter).max(100).optional(),
    headerText: HeaderText.optional(),
    footer: Footer.optional(),
    status: TemplateStatus.optional(),
    rejectionReason: RejectionReason.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), 'give at least one field to change besides version');
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequest>;

/** Query strings are strict: an unknown key is refused, never silently dropped. */
export const ListTemplatesQuery = z.strictObject({
  status: TemplateStatus.optional(),
  language: TemplateLanguage.optional(),
  name: TemplateName.optional(),
});
export type ListTemplatesQuery = z.infer<typeof ListTemplatesQuery>;

/**
 * A list for positional templates (`{{1}}` first), an object keyed by name for named ones. Each value's own
 * limit (TEMPLATE_VALUE_MAX_LENGTH) is checked with the template, so a refusal names the parameter; the bound
 * here only keeps a request's size sane.
 */
const Value = z.string().max(32 * TEMPLATE_VALUE_MAX_LENGTH);
export const TemplateParameterValues = z.union([z.array(Value).max(100), z.record(z.string().max(100), Value)]);
export type TemplateParameterValues = z.infer<typeof TemplateParameterValues>;

/** What the send API takes to send a template; the values are checked against the template before queueing. */
export const SendTemplateContent = z.object({
  name: TemplateName,
  language: TemplateLanguage,
  parameters: TemplateParameterValues.default([]),
});
export type SendTemplateContent = z.infer<typeof SendTemplateContent>;

/** One body parameter as the Cloud API takes it in `template.components[].parameters`. */
export const WhatsAppTemplateParameter = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), parameter_name: z.string().optional() }),
  z.object({
    type: z.literal('currency'),
    currency: z.object({ fallback_value: z.string(), code: z.string(), amount_1000: z.number().int() }),
    parameter_name: z.string().optional(),
  }),
  z.object({
    type: z.literal('date_time'),
    date_time: z.object({ fallback_value: z.string() }),
    parameter_name: z.string().optional(),
  }),
]);
export type WhatsAppTemplateParameter = z.infer<typeof WhatsAppTemplateParameter>;

export const WhatsAppTemplateComponent = z.object({
  type: z.literal('body'),
  parameters: z.array(WhatsAppTemplateParameter),
});
export type WhatsAppTemplateComponent = z.infer<typeof WhatsAppTemplateComponent>;
