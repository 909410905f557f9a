import type { TFunction } from 'i18next';
import type { TimelineItem } from '../../../contract/inbox-api';
import type { Formatters } from '../../i18n/format';
import { namingIntents } from '../../lib/triage-format';
import { knownPhrase } from '@switchboard/shared';
import { phraseText, phraseValues } from '../../i18n/phrases';

/** The facts the server records on its steps, each with a label in every language and a way to show its value. */
const SHOWN = {
  intent: 'intent',
  secondaryIntent: 'intent',
  confidence: 'percent',
  language: 'text',
  sentiment: 'number',
  priority: 'priority',
  waitingMinutes: 'minutes',
  reason: 'text',
  via: 'text',
  score: 'number',
  label: 'text',
  comment: 'text',
  until: 'date',
  sla: 'slaKind',
  dueAt: 'date',
  why: 'text',
  learnedFrom: 'text',
  opensAt: 'date',
  nextCheckAt: 'date',
  state: 'text',
} as const;
type Known = keyof typeof SHOWN;
/** A record's id under a key that does not say so (`keptBy`): it means nothing to a person either. */
const isRecordId = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{24}$/.test(value);
const isKnown = (key: string): key is Known => Object.hasOwn(SHOWN, key);

/** A value that is one of the server's codes (`template`, `agent`), not a sentence or a name someone typed. */
const isCode = (value: string) => /^[a-z][a-z_ ]*$/.test(value);

function valueText(key: Known, value: string | number | boolean, t: TFunction<'context'>, format: Formatters): string {
  const how = SHOWN[key];
  // An intent by its name in the agent's language; one the interface does not know, by its code.
  if (typeof value === 'string' && how === 'intent')
    return t(`triage.intent.${value}` as 'triage.intent.order_status', { defaultValue: value });
  if (typeof value === 'string' && (how === 'priority' || how === 'slaKind'))
    return t(`${how}.${value}` as 'priority.high', { ns: 'common', defaultValue: value });
  // A code the interface has words for (how a survey was sent, why a snooze ended); free text stays as written.
  if (typeof value === 'string' && isCode(value)) {
    const words = t(`timeline.value.${key}.${value}` as 'timeline.value.via.template', { defaultValue: '' });
    if (words) return words;
  }
  if (typeof value === 'number' && how === 'percent') return format.percent(value);
  if (typeof value === 'number' && how === 'number') return format.number(value);
  if (typeof value === 'number' && how === 'minutes') return format.duration(value * 60_000);
  if (typeof value === 'string' && how === 'date' && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
  return typeof value === 'string' ? namingIntents(value, t) : String(value);
}

/** Whether a fact (by its key) is what the step's sentence already says. */
type AlreadySaid = (key: string, value: string) => boolean;
const inText =
  (text: string): AlreadySaid =>
  (_key, value) =>
    text.includes(value);

/**
 * Facts worth a glance under a step, one short line each, in the interface's language. Left out: raw ids
 * (they mean nothing to a person), lists, and what the step's sentence already says (`said`: the words of the
 * server's text, unless told otherwise). A key the interface does not know (a bot's own step data) shows as the
 * bot named it.
 */
export function detailLines(
  details: Record<string, unknown>,
  summary: string,
  t: TFunction<'context'>,
  format: Formatters,
  most = 4,
  said: AlreadySaid = inText(summary),
): string[] {
  return Object.entries(details)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .filter(([key, value]) => !/Id$/.test(key) && !isRecordId(value))
    .filter(([key, value]) => !(typeof value === 'string' && said(key, value)))
    .slice(0, most)
    .map(([key, value]) =>
      isKnown(key)
        ? `${t(`timeline.detail.${key}`)}: ${valueText(key, value, t, format)}`
        : `${key}: ${typeof value === 'string' ? namingIntents(value, t) : String(value)}`,
    );
}

/** Steps whose server sentence only restates the step's facts: the facts show instead, once, in the agent's language. */
const TOLD_BY_FACTS: ReadonlySet<TimelineItem['kind']> = new Set(['triaged']);

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * What a timeline step says under its kind: its sentence and the facts it leaves out, or the facts alone. The
 * sentence is in the interface's language when it came with a phrase this version knows, else as the server
 * wrote it (an older entry, a newer server's code).
 */
export function stepLines(
  step: Pick<TimelineItem, 'kind' | 'summary' | 'summaryPhrase' | 'details'>,
  t: TFunction<'context'>,
  format: Formatters,
): string[] {
  if (TOLD_BY_FACTS.has(step.kind)) return detailLines(step.details, '', t, format, Infinity);
  if (!knownPhrase(step.summaryPhrase))
    return [namingIntents(step.summary, t), ...detailLines(step.details, step.summary, t, format)];
  // The phrase says its facts. A `reason` its English holds is that English again (a waiting reason), and a
  // re-route's `why` is what its phrase says: neither shows in English under a translated sentence.
  const facts = phraseValues(step.summaryPhrase);
  const said: AlreadySaid = (key, value) =>
    facts.includes(value) || key === 'why' || (key === 'reason' && step.summary.includes(value));
  // A waiting reason reads as part of a sentence elsewhere ("Unassigned: nobody is online"); here it starts a line.
  return [
    upperFirst(phraseText(step.summaryPhrase, step.summary, format)),
    ...detailLines(step.details, step.summary, t, format, 4, said),
  ];
}
