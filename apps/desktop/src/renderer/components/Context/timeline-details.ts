import type { TFunction } from 'i18next';
import type { TimelineItem } from '../../../contract/inbox-api';
import type { Formatters } from '../../i18n/format';
import { namingIntents } from '../../lib/triage-format';

/** The facts the server records on its steps, each with a label in every language and a way to show its value. */
const SHOWN = {
  intent: 'intent',
  secondaryIntent: 'intent',
  confidence: 'percent',
  language: 'text',
  sentiment: 'number',
  priority: 'text',
  waitingMinutes: 'minutes',
  reason: 'text',
  via: 'text',
  score: 'number',
  label: 'text',
  comment: 'text',
  until: 'date',
  sla: 'text',
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

function valueText(
  how: (typeof SHOWN)[Known],
  value: string | number | boolean,
  t: TFunction<'context'>,
  format: Formatters,
): string {
  // An intent by its name in the agent's language; one the interface does not know, by its code.
  if (typeof value === 'string' && how === 'intent')
    return t(`triage.intent.${value}` as 'triage.intent.order_status', { defaultValue: value });
  if (typeof value === 'number' && how === 'percent') return format.percent(value);
  if (typeof value === 'number' && how === 'number') return format.number(value);
  if (typeof value === 'number' && how === 'minutes') return format.duration(value * 60_000);
  if (typeof value === 'string' && how === 'date' && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
  return typeof value === 'string' ? namingIntents(value, t) : String(value);
}

/**
 * Facts worth a glance under a step, one short line each, in the interface's language. Left out: raw ids
 * (they mean nothing to a person), lists, and words the server's sentence already says. A key the interface
 * does not know (a bot's own step data) shows as the bot named it.
 */
export function detailLines(
  details: Record<string, unknown>,
  summary: string,
  t: TFunction<'context'>,
  format: Formatters,
  most = 4,
): string[] {
  return Object.entries(details)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .filter(([key, value]) => !/Id$/.test(key) && !isRecordId(value))
    .filter(([, value]) => !(typeof value === 'string' && summary.includes(value)))
    .slice(0, most)
    .map(([key, value]) =>
      isKnown(key)
        ? `${t(`timeline.detail.${key}`)}: ${valueText(SHOWN[key], value, t, format)}`
        : `${key}: ${typeof value === 'string' ? namingIntents(value, t) : String(value)}`,
    );
}

/** Steps whose server sentence only restates the step's facts: the facts show instead, once, in the agent's language. */
const TOLD_BY_FACTS: ReadonlySet<TimelineItem['kind']> = new Set(['triaged']);

/** What a timeline step says under its kind: the server's sentence and the facts it leaves out, or the facts alone. */
export function stepLines(
  step: Pick<TimelineItem, 'kind' | 'summary' | 'details'>,
  t: TFunction<'context'>,
  format: Formatters,
): string[] {
  if (TOLD_BY_FACTS.has(step.kind)) return detailLines(step.details, '', t, format, Infinity);
  return [namingIntents(step.summary, t), ...detailLines(step.details, step.summary, t, format)];
}
