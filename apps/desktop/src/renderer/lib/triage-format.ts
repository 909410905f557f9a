import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INTENT_LABELS, IntentLabel, type ExtractedEntity } from '@switchboard/shared';
import { useFormat } from '../i18n/format';

/**
 * An intent from anywhere (a queue, a bot's hand-off, a report): its name in the agent's language when triage
 * knows it ("payment_issue" -> "Payment issue"), else as its author wrote it.
 */
export function intentText(intent: string, t: TFunction<'context'>): string {
  const known = IntentLabel.safeParse(intent);
  return known.success ? t(`triage.intent.${known.data}`) : intent;
}

/** Intents and entities as an agent reads them, in the agent's language: "#45120", "R$ 349.90 (BRL)", "Invoice". */
/** The intents whose key reads as a key ("payment_issue"); one-word ones ("complaint") read as words already. */
const INTENT_KEY = new RegExp(`\\b(${INTENT_LABELS.filter((label) => label.includes('_')).join('|')})\\b`, 'g');

/**
 * A sentence of the server's ("Routed to Billing: Billing takes payment_issue in pt") with each intent it
 * names by key named as the agent reads it instead ("… takes Payment issue in pt").
 */
export const namingIntents = (text: string, t: TFunction<'context'>): string =>
  text.replace(INTENT_KEY, (key) => intentText(key, t));

export function useTriageFormat() {
  const { t } = useTranslation('context');
  const format = useFormat();
  return {
    intentName: (intent: IntentLabel) => t(`triage.intent.${intent}`),
    /** A queue's or a bot's intent: translated when it is one triage knows, else as its author wrote it. */
    queueIntentName: (intent: string) => intentText(intent, t),
    namingIntents: (text: string) => namingIntents(text, t),
    entityName: (kind: ExtractedEntity['kind']) => t(`triage.entity.${kind}`),
    entityValue(entity: ExtractedEntity): string {
      switch (entity.kind) {
        case 'order_number':
        case 'email':
          return entity.value;
        case 'amount':
          return entity.currency ? `${entity.text} (${entity.currency})` : entity.text;
        case 'date':
          return format.day(entity.value);
        case 'document_kind':
          return t(`triage.document.${entity.value}`);
      }
    },
  };
}
