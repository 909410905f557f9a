import { InteractiveMessage, MAX_LIST_ROWS } from '@switchboard/shared';
import type { z } from 'zod';

/** The interactive form as the agent fills it: titles only; the ids WhatsApp echoes back are made from them. */
export type InteractiveForm = {
  kind: 'buttons' | 'list';
  header: string;
  body: string;
  footer: string;
  buttons: string[];
  listButton: string;
  sections: { title: string; rows: { title: string; description: string }[] }[];
};

export const MAX_BUTTONS = 3;

export const emptyForm = (): InteractiveForm => ({
  kind: 'buttons',
  header: '',
  body: '',
  footer: '',
  buttons: [''],
  listButton: '',
  sections: [{ title: '', rows: [{ title: '', description: '' }] }],
});

/** An issue as the form shows it: a key of `composer:interactive.issue` and its values. */
export type FieldIssue = {
  key: 'blank' | 'tooLong' | 'tooMany' | 'duplicate' | 'tooManyRows' | 'sectionTitle';
  values?: Record<string, number>;
};

const optional = (text: string) => (text.trim() ? text : undefined);
/** `Track my order` -> `track-my-order-1`: readable in reports of what customers chose, and unique by position. */
const idOf = (title: string, position: string) =>
  `${
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'option'
  }-${position}`;

/** The message the form describes, in the shared contract's shape (not yet checked). */
export function draftOf(form: InteractiveForm): unknown {
  const common = { header: optional(form.header), body: form.body, footer: optional(form.footer) };
  if (form.kind === 'buttons')
    return {
      kind: 'buttons',
      ...common,
      buttons: form.buttons.map((title, i) => ({ id: idOf(title, String(i + 1)), title })),
    };
  return {
    kind: 'list',
    ...common,
    button: form.listButton,
    sections: form.sections.map((section, s) => ({
      title: optional(section.title),
      rows: section.rows.map((row, r) => ({
        id: idOf(row.title, `${s + 1}-${r + 1}`),
        title: row.title,
        description: optional(row.description),
      })),
    })),
  };
}

function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  if (issue.code === 'too_small' && issue.origin === 'string') return { key: 'blank' };
  if (issue.code === 'too_big')
    return { key: issue.origin === 'string' ? 'tooLong' : 'tooMany', values: { max: Number(issue.maximum) } };
  if (issue.message.includes('unique')) return { key: 'duplicate' };
  if (issue.message.includes('rows across')) return { key: 'tooManyRows', values: { max: MAX_LIST_ROWS } };
  if (issue.message.includes('needs a title')) return { key: 'sectionTitle' };
  return { key: 'blank' };
}

/**
 * Checks the form with the shared schema the server checks sends with (WhatsApp's limits): the message to
 * send, or each field's issue by its path in the message (`buttons.1.title`, `sections.0.rows.2.title`).
 */
export function checkForm(
  form: InteractiveForm,
): { ok: true; message: InteractiveMessage } | { ok: false; issues: Record<string, FieldIssue> } {
  const parsed = InteractiveMessage.safeParse(draftOf(form));
  if (parsed.success) return { ok: true, message: parsed.data };
  const issues: Record<string, FieldIssue> = {};
  for (const issue of parsed.error.issues) issues[issue.path.join('.')] ??= fieldIssue(issue);
  return { ok: false, issues };
}
