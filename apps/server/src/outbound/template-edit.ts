import { isDeepStrictEqual } from 'node:util';
import type { TemplateChange, TemplateSnapshot, UpdateTemplateRequest } from '@switchboard/shared';

const CONTENT_FIELDS = ['category', 'body', 'parameters', 'headerText', 'footer'] as const;
const ALL_FIELDS = [...CONTENT_FIELDS, 'status', 'rejectionReason'] as const;

export type TemplateEdit = Omit<UpdateTemplateRequest, 'version'>;

/**
 * The template after an edit and what changed. Meta reviews a changed template again before it can be sent,
 * so a content edit that does not set a status itself makes the template pending; and only a rejected
 * template keeps a rejection reason.
 */
export function applyEdit(
  current: TemplateSnapshot,
  edit: TemplateEdit,
): { next: TemplateSnapshot; changedFields: string[]; change: TemplateChange } {
  const next: TemplateSnapshot = { ...current, ...edit };
  const contentChanged = CONTENT_FIELDS.some((f) => !isDeepStrictEqual(current[f], next[f]));
  if (contentChanged && edit.status === undefined) next.status = 'pending';
  if (next.status !== 'rejected' && edit.rejectionReason === undefined) next.rejectionReason = null;
  const changedFields = ALL_FIELDS.filter((f) => !isDeepStrictEqual(current[f], next[f]));
  return { next, changedFields, change: contentChanged ? 'edited' : 'status-changed' };
}
