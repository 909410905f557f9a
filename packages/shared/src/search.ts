import { z } from 'zod';
import { ConversationStatus, Label } from './conversation.js';
import { ObjectIdString } from './ids.js';

const When = z.iso.datetime({ offset: true, message: 'must be an ISO date-time, like 2026-03-01T00:00:00Z' });

/** `GET /api/search`: words to find, and the filters an inbox's search offers. */
export const SearchQuery = z
  .strictObject({
    q: z.string().trim().min(2, 'type at least 2 characters').max(200, 'at most 200 characters'),
    status: ConversationStatus.optional(),
    queueId: ObjectIdString.optional(),
    /** An assignee's user id, or `none` for conversations nobody has. */
    assigneeId: z.union([ObjectIdString, z.literal('none')]).optional(),
    label: Label.optional(),
    /** Messages written at or after `from` and before `to`. */
    from: When.optional(),
    to: When.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z
      .string()
      .regex(/^[0-9a-z]{1,12}$/, 'must be a nextCursor from an earlier answer')
      .optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

/** A piece of a snippet; `match` pieces are what the words found, for highlighting. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  /** A message's text, a contact's name, number or email, or a conversation's label. */
  kind: z.enum(['message', 'contact', 'label']),
  field: z.enum(['text', 'name', 'number', 'email', 'label']),
  conversationId: z.string(),
  /** The message to jump to in its thread; null for contact and label hits (open the conversation). */
  messageId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound', 'internal']).nullable(),
  /** When the message was written, or the conversation's last message for contact and label hits. */
  at: z.string(),
  snippet: z.array(SnippetPart),
  contact: z.object({ id: z.string(), name: z.string().nullable(), waId: z.string().nullable() }),
  conversation: z.object({
    status: ConversationStatus,
    assigneeId: z.string().nullable(),
    queueId: z.string().nullable(),
    labels: z.array(z.string()),
  }),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  /** Ask again with it for older message hits; null when there are none. */
  nextCursor: z.string().nullable(),
  /** Where the answer came from: the server's index, or (offline) this device's cache. */
  source: z.enum(['server', 'device']),
});
export type SearchResult = z.infer<typeof SearchResult>;
