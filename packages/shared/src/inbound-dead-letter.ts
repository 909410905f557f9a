import { z } from 'zod';
import { ErrorIssue } from './errors.js';
import { ObjectIdString } from './ids.js';

/**
 * Why a stored (acknowledged) webhook is dead-lettered: its processing failed for good after its retries
 * (`failed`), or it was applied but some of its items were refused by the schemas and skipped (`refused`).
 */
export const InboundDeadLetterKind = z.enum(['failed', 'refused']);
export type InboundDeadLetterKind = z.infer<typeof InboundDeadLetterKind>;

/** A WhatsApp webhook we acknowledged but could not apply in full, as supervisors see it. */
export const InboundDeadLetterDTO = z.object({
  /** The stored webhook's id (the `stored` it was acknowledged with). */
  id: ObjectIdString,
  kind: InboundDeadLetterKind,
  /** The last failure: the error, or the refused items, each named by its path in the webhook. */
  reason: z.string(),
  /** The schema paths at fault, when the schemas refused something. */
  issues: z.array(ErrorIssue),
  receivedAt: z.iso.datetime(),
  /** When it was last given up on (its retries ran out, or a replay failed again). */
  deadSince: z.iso.datetime(),
  /** Processing attempts, replays included. */
  attempts: z.number().int().nonnegative(),
});
export type InboundDeadLetterDTO = z.infer<typeof InboundDeadLetterDTO>;

/** One replay: applied in full (and off the list), or failed again and still listed with the new reason. */
export const InboundReplayResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('replayed'),
    id: ObjectIdString,
    messages: z.number().int().nonnegative(),
    statuses: z.number().int().nonnegative(),
  }),
  z.object({ outcome: z.literal('failed'), deadLetter: InboundDeadLetterDTO }),
]);
export type InboundReplayResult = z.infer<typeof InboundReplayResult>;

/** Replaying every listed webhook: how many went through, how many failed again, and what is still listed. */
export const InboundReplayAllResult = z.object({
  replayed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  items: z.array(InboundDeadLetterDTO),
});
export type InboundReplayAllResult = z.infer<typeof InboundReplayAllResult>;
