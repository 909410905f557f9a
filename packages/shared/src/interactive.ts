import { z } from 'zod';

/**
 * Interactive messages an agent sends inside the 24-hour window: reply buttons and list messages, with the
 * Cloud API's limits (Meta's "Interactive reply buttons" and "Interactive list messages" references), so an
 * agent learns which field is too long before anything is stored or sent.
 */

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} must not be blank`).max(max, `WhatsApp allows at most ${max} characters`);

const optionalText = (max: number) =>
  z.string().trim().max(max, `WhatsApp allows at most ${max} characters`).optional();

export const ReplyButton = z.strictObject({
  /** Comes back in the customer's reply (button_reply.id). */
  id: text(256, 'a button id'),
  title: text(20, 'a button title'),
});

export const ListRow = z.strictObject({
  /** Comes back in the customer's reply (list_reply.id). */
  id: text(200, 'a row id'),
  title: text(24, 'a row title'),
  description: optionalText(72),
});

export const ListSection = z.strictObject({
  title: optionalText(24),
  rows: z.array(ListRow).min(1, 'a section needs at least one row'),
});

/** Adds an issue at each repeat of a value, naming where it is. */
function unique(values: { value: string; path: (string | number)[] }[], what: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const { value, path } of values) {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `${what} must be unique in the message` });
    seen.add(value);
  }
}

export const ButtonsMessage = z
  .strictObject({
    kind: z.literal('buttons'),
    header: optionalText(60),
    body: text(1024, 'the message'),
    footer: optionalText(60),
    buttons: z.array(ReplyButton).min(1, 'add at least one button').max(3, 'WhatsApp allows at most 3 reply buttons'),
  })
  .superRefine((m, ctx) => {
    unique(
      m.buttons.map((b, i) => ({ value: b.id, path: ['buttons', i, 'id'] })),
      'a button id',
      ctx,
    );
    unique(
      m.buttons.map((b, i) => ({ value: b.title, path: ['buttons', i, 'title'] })),
      'a button title',
      ctx,
    );
  });

export const MAX_LIST_ROWS = 10;

export const ListMessage = z
  .strictObject({
    kind: z.literal('list'),
    header: optionalText(60),
    body: text(4096, 'the message'),
    footer: optionalText(60),
    /** The label of the button that opens the list. */
    button: text(20, 'the list button'),
    sections: z.array(ListSection).min(1, 'add at least one section').max(10, 'WhatsApp allows at most 10 sections'),
  })
  .superRefine((m, ctx) => {
    const rows = m.sections.flatMap((s, si) => s.rows.map((r, ri) => ({ row: r, path: ['sections', si, 'rows', ri] })));
    if (rows.length > MAX_LIST_ROWS)
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `WhatsApp allows at most ${MAX_LIST_ROWS} rows across all sections (this has ${rows.length})`,
      });
    unique(
      rows.map(({ row, path }) => ({ value: row.id, path: [...path, 'id'] })),
      'a row id',
      ctx,
    );
    if (m.sections.length > 1)
      m.sections.forEach((s, i) => {
        if (!s.title)
          ctx.addIssue({
            code: 'custom',
            path: ['sections', i, 'title'],
            message: 'with several sections, each needs a title',
          });
      });
  });

export const InteractiveMessage = z.discriminatedUnion('kind', [ButtonsMessage, ListMessage]);
export type InteractiveMessage = z.infer<typeof InteractiveMessage>;
export type ButtonsMessage = z.infer<typeof ButtonsMessage>;
export type ListMessage = z.infer<typeof ListMessage>;
