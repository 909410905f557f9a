import { knownPhrase, type Phrase, type PhraseParamName } from '@switchboard/shared';
import type { Formatters } from './format';
import { i18n } from './index';

type Value = string | number;
type Shown = (value: Value, format: Formatters) => Value;

/** The language `format` writes for: its Intl tag always starts with the interface's language ("es-419"). */
const lng = (format: Formatters) => format.tag.split('-')[0]!;

const asWritten: Shown = (value) => value;
const intent: Shown = (value, format) =>
  i18n.t(`context:triage.intent.${value}` as 'context:triage.intent.order_status', {
    defaultValue: String(value),
    lng: lng(format),
  });
const moment: Shown = (value, format) => format.dateTime(String(value));
const number: Shown = (value, format) => format.number(Number(value));

/** How each fact of a phrase reads in the interface's language: names as written, codes by their names, times local. */
const SHOW: Record<PhraseParamName, Shown> = {
  queue: asWritten,
  agent: asWritten,
  actor: asWritten,
  bot: asWritten,
  template: asWritten,
  reason: asWritten,
  rules: asWritten,
  action: asWritten,
  label: asWritten,
  comment: asWritten,
  changes: asWritten,
  intent,
  from: intent,
  to: intent,
  language: (value, format) => i18n.t(`common:languageName.${value}` as 'common:languageName.en', { lng: lng(format) }),
  priority: (value, format) => i18n.t(`common:priority.${value}` as 'common:priority.low', { lng: lng(format) }),
  sla: (value, format) => i18n.t(`common:slaKind.${value}` as 'common:slaKind.resolution', { lng: lng(format) }),
  until: moment,
  dueAt: moment,
  opensAt: moment,
  minutes: (value, format) => format.duration(Number(value) * 60_000),
  // Numbers the sentence formats itself (`{{count, number}}`).
  count: asWritten,
  load: number,
  capacity: number,
  score: number,
  confidence: (value, format) => format.percent(Number(value)),
  sentiment: (value, format) => format.number(Math.round(Number(value) * 100) / 100),
};

/**
 * A sentence of the server's in the language `format` writes for: its phrase when this version knows the code,
 * else the server's own text (a newer server's code, or a copy cached before phrases were sent).
 */
export function phraseText(phrase: Phrase | null | undefined, text: string, format: Formatters): string {
  const known = knownPhrase(phrase);
  if (!known) return text;
  const values = Object.fromEntries(
    Object.entries(known.params).map(([name, value]) => [name, SHOW[name as PhraseParamName](value, format)]),
  );
  return i18n.t(`phrases:${known.code}` as 'phrases:waiting.no-queue', { ...values, lng: lng(format) });
}

/** The facts a known phrase says, so what shows beside it need not repeat them. */
export const phraseValues = (phrase: Phrase | null | undefined): Value[] =>
  Object.values(knownPhrase(phrase)?.params ?? {});
