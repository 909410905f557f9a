import { z } from 'zod';

/** Query strings are strict: an unknown key (`status[$ne]`, say) is refused, never silently dropped. */
export const CursorQuery = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CursorQuery = z.infer<typeof CursorQuery>;

/** A page of results; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
