import {
  UpdateContactRequest,
  type ContactDTO,
  type ContactTier,
  type ErrorIssue,
  type Language,
} from '@switchboard/shared';
import type { z } from 'zod';

/** The profile as the edit form holds it: text boxes (empty means none) and attributes as rows. */
export type ContactDraft = {
  name: string;
  email: string;
  language: Language | '';
  tier: ContactTier;
  attributes: { key: string; value: string }[];
  notes: string;
};

/** Fields at fault, by the form's names: `email`, `attributes.plan`; the message beside each. */
export type FieldIssues = Record<string, string>;

export const draftOf = (contact: ContactDTO): ContactDraft => ({
  name: contact.name ?? '',
  email: contact.email ?? '',
  language: contact.language ?? '',
  tier: contact.tier,
  attributes: Object.entries(contact.attributes).map(([key, value]) => ({ key, value })),
  notes: contact.notes,
});

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * What the draft changes, as the server's patch: only the fields that differ; attributes as a patch (a row
 * removed is `null`). Empty when nothing changed.
 */
export function changesOf(contact: ContactDTO, draft: ContactDraft): Record<string, unknown> {
  const edit: Record<string, unknown> = {};
  const name = orNull(draft.name);
  const email = orNull(draft.email);
  // Compared as the server stores them: the name trimmed, the email trimmed and in lower case.
  if ((name?.trim() ?? null) !== contact.name) edit.name = name;
  if ((email?.trim().toLowerCase() ?? null) !== contact.email) edit.email = email;
  if ((draft.language || null) !== contact.language) edit.language = draft.language || null;
  if (draft.tier !== contact.tier) edit.tier = draft.tier;
  if (draft.notes !== contact.notes) edit.notes = draft.notes;
  const rows = draft.attributes.filter((row) => row.key.trim() !== '' || row.value.trim() !== '');
  const kept = new Set(rows.map((row) => row.key.trim()));
  const attributes: Record<string, string | null> = {};
  for (const { key, value } of rows)
    if (contact.attributes[key.trim()] !== value.trim()) attributes[key.trim()] = value;
  for (const key of Object.keys(contact.attributes)) if (!kept.has(key)) attributes[key] = null;
  if (Object.keys(attributes).length > 0) edit.attributes = attributes;
  return edit;
}

/** The edit checked with the shared schema the server uses: the request, or the fields at fault. */
export function checkEdit(
  edit: Record<string, unknown>,
): { ok: true; request: UpdateContactRequest } | { ok: false; issues: FieldIssues } {
  const parsed = UpdateContactRequest.safeParse(edit);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, issues: fieldsOf(parsed.error.issues) };
}

const fieldsOf = (issues: readonly z.core.$ZodIssue[]): FieldIssues =>
  Object.fromEntries(issues.map((issue) => [issue.path.map(String).join('.') || 'request', issue.message]));

/** The server's issues (`body.attributes.plan`) by the form's names. */
export const serverFields = (issues: ErrorIssue[]): FieldIssues =>
  Object.fromEntries(issues.map((issue) => [issue.path.replace(/^body\.?/, '') || 'request', issue.message]));
