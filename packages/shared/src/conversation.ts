import { z } from 'zod';
import { ContactDTO } from './contact.js';
import { HandoffDTO } from './bot.js';
import { ObjectIdString } from './ids.js';
import { Language, Priority, RoutingState } from './routing.js';
import { CursorQuery } from './pagination.js';
import { TriageDetailsDTO } from './triage.js';
import { ConversationCsatDTO } from './csat.js';
import { Phrase } from './phrase.js';

export const ConversationStatus = z.enum(['open', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const ConversationDTO = z.object({
  id: z.string(),
  channelId: z.string(),
  contact: ContactDTO,
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  queueId: z.string().nullable(),
  routingState: RoutingState.nullable(),
  /** Why nobody has it yet, when waiting ("no agent of Billing is online"). */
  waitingReason: z.string().nullable(),
  /** The same reason as a phrase, for saying it in the reader's language; absent from copies cached before it. */
  waitingReasonPhrase: Phrase.nullable().optional(),
  waitingSince: z.string().nullable(),
  priority: Priority,
  intent: z.string().nullable(),
  language: Language.nullable(),
  /** Second ask, confidence, entities and any correction; empty until the first customer message. */
  triage: TriageDetailsDTO.default({ secondaryIntent: null, confidence: null, entities: [], correction: null }),
  /** The most urgent SLA target running now, for showing time left. */
  sla: z.object({ kind: z.enum(['first_response', 'next_response', 'resolution']), dueAt: z.string() }).nullable(),
  /** The bot's context package, when a bot handed this conversation over. */
  handoff: HandoffDTO.nullable(),
  /** Free labels agents put on a conversation ("refund", "vip"), sorted, unique. */
  labels: z.array(z.string()),
  /** Hidden from the agent's active list until then; a customer message wakes it early. */
  snoozedUntil: z.string().nullable(),
  /** When an agent escalated it to supervisors (raises it to urgent); null when never. */
  escalatedAt: z.string().nullable(),
  /** The newest sequence number of this conversation's change log; see ConversationEventDTO. */
  seq: z.number().int().nonnegative(),
  messageCount: z.number().int().nonnegative(),
  lastMessageAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  /** The end of WhatsApp's 24-hour customer-service window: free-form replies only before it. */
  windowExpiresAt: z.string().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The satisfaction survey sent after the last resolve, and the customer's answer. */
  csat: ConversationCsatDTO.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationDTO = z.infer<typeof ConversationDTO>;

export const ListConversationsQuery = CursorQuery.extend({
  status: ConversationStatus.optional(),
  channelId: ObjectIdString.optional(),
  /** An assignee's user id, or `none` for unassigned conversations. */
  assigneeId: z.union([ObjectIdString, z.literal('none')]).optional(),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const ListMessagesQuery = CursorQuery;
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;

export const ListEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const Label = z
  .string()
  .trim()
  .min(1, 'a label cannot be empty')
  .max(40, 'a label is at most 40 characters')
  // Latin letters with their accents (what en/es/pt labels use), spelled as ranges rather than \p{L}: the
  // OpenAPI document carries this pattern, and fuzzers and clients outside JavaScript cannot read \p{...}.
  .regex(
    /^[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F _.-]+$/,
    'a label may hold letters, digits, spaces, and . _ -',
  );

export const LabelsRequest = z.strictObject({ labels: z.array(Label).max(20, 'at most 20 labels') });
export type LabelsRequest = z.infer<typeof LabelsRequest>;

export const SnoozeRequest = z.strictObject({ until: z.iso.datetime({ offset: true }) });
export type SnoozeRequest = z.infer<typeof SnoozeRequest>;

export const EscalateRequest = z.strictObject({
  reason: z.string().trim().min(1, 'say why it needs a supervisor').max(500),
});
export type EscalateRequest = z.infer<typeof EscalateRequest>;
