import { IntentLabel, Language } from '@switchboard/shared';

/** Every label the classifier can give a message; `unknown` is what falls below the confidence threshold. */
export const INTENT_LABELS = IntentLabel.options;

export type { IntentLabel };

/** The languages the classifier is trained in: the same set conversations and queues are tagged with. */
export const TRIAGE_LANGUAGES = Language.options;

export type TriageLanguage = Language;

export function isIntentLabel(value: string): value is IntentLabel {
  return (INTENT_LABELS as readonly string[]).includes(value);
}
