import type { TemplateDTO, TemplateSnapshot, TemplateVersionDTO } from '@switchboard/shared';
import type { TemplateDoc } from './template.model.js';
import type { TemplateVersionDoc } from './template-version.model.js';

/** A stored template or snapshot: optional fields may be missing from documents written before they existed. */
type StoredContent = Omit<TemplateSnapshot, 'parameters' | 'headerText' | 'footer' | 'rejectionReason'> & {
  parameters: readonly TemplateSnapshot['parameters'][number][];
  headerText?: string | null;
  footer?: string | null;
  rejectionReason?: string | null;
};

export function toTemplateSnapshot(t: StoredContent): TemplateSnapshot {
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    parameterFormat: t.parameterFormat,
    body: t.body,
    parameters: t.parameters.map((p) => ({ name: p.name, type: p.type, example: p.example })),
    headerText: t.headerText ?? null,
    footer: t.footer ?? null,
    status: t.status,
    rejectionReason: t.rejectionReason ?? null,
  };
}

export function toTemplateDTO(t: TemplateDoc): TemplateDTO {
  return {
    id: t._id.toHexString(),
    ...toTemplateSnapshot(t),
    version: t.version,
    review: t.review
      ? {
          wabaId: t.review.wabaId,
          metaTemplateId: t.review.metaTemplateId ?? null,
          submittedAt: t.review.submittedAt?.toISOString() ?? null,
          failure: t.review.failure ?? null,
        }
      : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toTemplateVersionDTO(v: TemplateVersionDoc): TemplateVersionDTO {
  return {
    templateId: v.templateId.toHexString(),
    version: v.version,
    change: v.change,
    changedFields: [...v.changedFields],
    changedBy: { id: v.changedById ? v.changedById.toHexString() : null, name: v.changedByName },
    changedAt: v.changedAt.toISOString(),
    snapshot: toTemplateSnapshot(v.snapshot),
  };
}
