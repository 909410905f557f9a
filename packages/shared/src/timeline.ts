import { z } from 'zod';
import { Phrase } from './phrase.js';

/**
 * One automated (or routing) step on a conversation, as the automation history shows it: what happened,
 * in a sentence, and the facts behind it (candidates and their loads, rules that matched...).
 */
export const TimelineEntryDTO = z.object({
  kind: z.enum([
    'triaged',
    'prioritized',
    'queued',
    'assigned',
    'waiting',
    'claimed',
    'transferred',
    'requeued',
    'unassigned',
    'sla-warning',
    'sla-breached',
    'escalated',
    'bot-handoff',
    'bot-step',
    'bot-resumed',
    'resolved',
    'reopened',
    'snoozed',
    'unsnoozed',
    'woke',
    'labels-changed',
    'intent-corrected',
    'csat-asked',
    'csat-skipped',
    'csat-rated',
    'csat-commented',
    'out-of-hours-reply',
    'out-of-hours-skipped',
  ]),
  summary: z.string(),
  /** The summary as a phrase, for saying it in the reader's language; absent from entries recorded before it. */
  summaryPhrase: Phrase.optional(),
  details: z.record(z.string(), z.unknown()),
  actorId: z.string().nullable(),
});
export type TimelineEntryDTO = z.infer<typeof TimelineEntryDTO>;
