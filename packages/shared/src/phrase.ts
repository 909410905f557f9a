import { z } from 'zod';
import { SlaKind } from './reports.js';
import { Language, Priority } from './routing.js';

/**
 * The facts a phrase may carry, one meaning per name, so a client shows each the same way in every phrase: a
 * name as written, an intent or a language by its name in the reader's language, a time in their zone.
 */
export const PhraseParam = {
  /** Names, shown as written. */
  queue: z.string(),
  agent: z.string(),
  actor: z.string(),
  bot: z.string(),
  template: z.string(),
  /** Words people or bots wrote, and rule descriptions an admin wrote: shown as written. */
  reason: z.string(),
  rules: z.string(),
  action: z.string(),
  label: z.string(),
  comment: z.string(),
  /** Labels added and removed, "+vip, -refund". */
  changes: z.string(),
  /** Intent codes (`order_status`). */
  intent: z.string(),
  from: z.string(),
  to: z.string(),
  language: Language,
  priority: Priority,
  sla: SlaKind,
  /** Moments, as ISO times: shown in the reader's time zone. */
  until: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  opensAt: z.iso.datetime(),
  /** A duration. */
  minutes: z.number().nonnegative(),
  /** Counts. */
  count: z.number().int().nonnegative(),
  load: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  score: z.number().int().nonnegative(),
  /** Triage's certainty, 0 to 1. */
  confidence: z.number().min(0).max(1),
  /** Below 0 unhappy, above 0 happy. */
  sentiment: z.number(),
};
export type PhraseParamName = keyof typeof PhraseParam;

const paramsOf = <K extends PhraseParamName = never>(...names: K[]) =>
  z.strictObject(Object.fromEntries(names.map((n) => [n, PhraseParam[n]])) as Pick<typeof PhraseParam, K>);

/**
 * Every sentence the server says to agents about a conversation, by a stable code with the facts it names. The
 * server still writes the sentence in English (for API consumers and bots); a client shows the phrase in its
 * reader's language instead. A waiting reason is also the summary of the timeline's `waiting` entry.
 */
export const PHRASES = {
  'waiting.no-queue': paramsOf(),
  'waiting.by-claim': paramsOf('queue'),
  'waiting.only-handed-on-free': paramsOf('queue', 'agent'),
  'waiting.nobody-skilled': paramsOf('queue'),
  'waiting.nobody-online': paramsOf('queue'),
  'waiting.nobody-in-hours': paramsOf('queue'),
  'waiting.one-agent-at-capacity': paramsOf('queue'),
  'waiting.all-at-capacity': paramsOf('queue', 'count'),
  'waiting.agent-at-capacity': paramsOf('agent'),
  'waiting.transferred-to-queue': paramsOf('queue'),
  'waiting.intent-changed': paramsOf('intent'),
  'waiting.given-back': paramsOf(),
  'waiting.agent-unavailable': paramsOf('agent', 'minutes'),
  'waiting.sla-overdue': paramsOf('sla'),

  'timeline.triaged': paramsOf('intent', 'confidence', 'language', 'sentiment'),
  'timeline.prioritized': paramsOf('priority', 'rules'),
  'timeline.prioritized-no-rule': paramsOf('priority'),
  'timeline.queued': paramsOf('queue'),
  'timeline.queued-fallback': paramsOf('queue'),
  'timeline.assigned': paramsOf('agent', 'load', 'capacity'),
  'timeline.claimed': paramsOf('agent'),
  'timeline.assigned-by-supervisor': paramsOf('agent'),
  'timeline.assigned-by-supervisor-over-capacity': paramsOf('agent', 'load', 'capacity'),
  'timeline.transferred-to-agent': paramsOf('agent'),
  'timeline.transferred-to-agent-over-capacity': paramsOf('agent', 'load', 'capacity'),
  'timeline.transferred-to-queue': paramsOf('queue'),
  'timeline.rerouted': paramsOf('queue', 'intent'),
  'timeline.given-back': paramsOf(),
  'timeline.requeued': paramsOf('agent', 'minutes'),
  'timeline.sla-due-soon': paramsOf('sla', 'minutes'),
  'timeline.sla-breached': paramsOf('sla', 'dueAt'),
  'timeline.sla-priority-raised': paramsOf('sla', 'priority'),
  'timeline.sla-reassigning': paramsOf('sla'),
  'timeline.sla-agent-notified': paramsOf('sla'),
  'timeline.sla-supervisors-notified': paramsOf('sla'),
  'timeline.escalated': paramsOf('actor', 'reason'),
  'timeline.bot-handoff': paramsOf('bot', 'reason'),
  'timeline.bot-step': paramsOf('action'),
  'timeline.bot-resumed': paramsOf('bot'),
  'timeline.bot-resumed-because': paramsOf('bot', 'reason'),
  'timeline.resolved': paramsOf('actor'),
  'timeline.reopened-kept': paramsOf('actor', 'load', 'capacity'),
  'timeline.reopened-routed': paramsOf('actor'),
  'timeline.snoozed': paramsOf('actor', 'until'),
  'timeline.unsnoozed': paramsOf('actor'),
  'timeline.woke-on-time': paramsOf('until'),
  'timeline.woke-customer-wrote': paramsOf(),
  'timeline.labels-changed': paramsOf('actor', 'changes'),
  'timeline.intent-corrected': paramsOf('actor', 'from', 'to'),
  'timeline.intent-set': paramsOf('actor', 'to'),
  'timeline.csat-asked-buttons': paramsOf(),
  'timeline.csat-asked-template': paramsOf('template'),
  'timeline.csat-skipped-opted-out': paramsOf(),
  'timeline.csat-skipped-no-template': paramsOf('template', 'language'),
  'timeline.csat-rated': paramsOf('score', 'label'),
  'timeline.csat-commented': paramsOf('comment'),
  'timeline.out-of-hours-reply': paramsOf('queue', 'opensAt'),
  'timeline.out-of-hours-opted-out': paramsOf(),
  'timeline.out-of-hours-no-text': paramsOf(),
  'timeline.out-of-hours-window-closed': paramsOf(),
};
export type PhraseCode = keyof typeof PHRASES;
export type PhraseParams<C extends PhraseCode> = z.input<(typeof PHRASES)[C]>;

/**
 * A phrase on the wire: open to codes this reader does not know yet (a newer server), which it shows as the
 * English text sent beside it. `knownPhrase` tells one it can say.
 */
export const Phrase = z.object({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Phrase = z.infer<typeof Phrase>;

/** A phrase of the catalogue: what the server sends (the wire form stays open, see `Phrase`). */
export type KnownPhrase = { code: PhraseCode; params: Phrase['params'] };

/** Builds a phrase, checking its facts against the catalogue. */
export function phrase<C extends PhraseCode>(code: C, params: PhraseParams<C>): KnownPhrase {
  return { code, params: PHRASES[code].parse(params) as Phrase['params'] };
}

/** A phrase whose code this reader knows and whose facts are what that code names; null otherwise. */
export function knownPhrase(value: Phrase | null | undefined): KnownPhrase | null {
  if (!value || !Object.hasOwn(PHRASES, value.code)) return null;
  const code = value.code as PhraseCode;
  return PHRASES[code].safeParse(value.params).success ? { code, params: value.params } : null;
}

/** A sentence as the server writes it (English) with the phrase a client says it with. */
export type Said = { text: string; phrase: KnownPhrase };
export const said = <C extends PhraseCode>(text: string, code: C, params: PhraseParams<C>): Said => ({
  text,
  phrase: phrase(code, params),
});
