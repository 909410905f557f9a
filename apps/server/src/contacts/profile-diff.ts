import type { ContactFieldChange, UpdateContactRequest } from '@switchboard/shared';
import type { ContactDoc } from '../models/contact.model.js';
import { attributesOf } from '../models/to-dto.js';

export type ProfileFields = {
  name: string | null;
  email: string | null;
  language: string | null;
  tier: string;
  notes: string;
  attributes: { key: string; value: string }[];
};

const text = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? null : value;

/** The profile as stored, in the shape edits and merges compare. */
export function profileOf(c: ContactDoc): ProfileFields {
  return {
    name: c.name ?? null,
    email: c.email ?? null,
    language: c.language ?? null,
    tier: c.tier === 'vip' ? 'vip' : 'standard',
    notes: c.notes ?? '',
    attributes: Object.entries(attributesOf(c)).map(([key, value]) => ({ key, value })),
  };
}

/** The profile after an edit: `attributes` is a patch (a key set to null goes), a blank name clears it. */
export function applyEdit(before: ProfileFields, edit: UpdateContactRequest): ProfileFields {
  const attributes = new Map(before.attributes.map((a) => [a.key, a.value]));
  for (const [key, value] of Object.entries(edit.attributes ?? {})) {
    if (value === null || value === '') attributes.delete(key);
    else attributes.set(key, value);
  }
  return {
    name: edit.name === undefined ? before.name : text(edit.name),
    email: edit.email === undefined ? before.email : edit.email,
    language: edit.language === undefined ? before.language : edit.language,
    tier: edit.tier ?? before.tier,
    notes: edit.notes ?? before.notes,
    attributes: [...attributes].map(([key, value]) => ({ key, value })),
  };
}

/** Each field that differs, as text before and after; custom attributes one by one (`attribute:<key>`). */
export function changesBetween(before: ProfileFields, after: ProfileFields): ContactFieldChange[] {
  const changes: ContactFieldChange[] = [];
  for (const field of ['name', 'email', 'language', 'tier', 'notes'] as const) {
    if (text(before[field]) !== text(after[field]))
      changes.push({ field, before: text(before[field]), after: text(after[field]) });
  }
  const was = new Map(before.attributes.map((a) => [a.key, a.value]));
  const is = new Map(after.attributes.map((a) => [a.key, a.value]));
  for (const key of new Set([...was.keys(), ...is.keys()])) {
    if (was.get(key) !== is.get(key))
      changes.push({ field: `attribute:${key}`, before: was.get(key) ?? null, after: is.get(key) ?? null });
  }
  return changes;
}
