import { z } from 'zod';
import { ObjectIdString } from './ids.js';

/** A colleague named with `@` in an internal note, as the named user sees it in their "Mentions" view. */
export const MentionDTO = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The note that names them. */
  messageId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  /** The note's text, cut to a preview. */
  excerpt: z.string(),
  /** Who the conversation is with, as it was named when the note was written. */
  contactName: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type MentionDTO = z.infer<typeof MentionDTO>;

export const ListMentionsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMentionsQuery = z.infer<typeof ListMentionsQuery>;

export const MentionListDTO = z.object({ items: z.array(MentionDTO), unreadCount: z.number().int().nonnegative() });
export type MentionListDTO = z.infer<typeof MentionListDTO>;

/** Marks read the caller's mentions in one conversation (opening it), or the ones named. */
export const ReadMentionsRequest = z
  .strictObject({
    conversationId: ObjectIdString.optional(),
    ids: z.array(ObjectIdString).min(1).max(200).optional(),
  })
  .refine((r) => (r.conversationId === undefined) !== (r.ids === undefined), 'give conversationId or ids');
export type ReadMentionsRequest = z.infer<typeof ReadMentionsRequest>;

/** Someone who may be named in a conversation's notes (they can see it). */
export const MentionableUserDTO = z.object({ id: z.string(), name: z.string() });
export type MentionableUserDTO = z.infer<typeof MentionableUserDTO>;
