import { INTENT_LABELS, Language, type Intent } from '@switchboard/shared';

export { INTENT_LABELS };

export type IntentLabel = Intent;

/** The languages the classifier is trained in: the same set conversations and queues are tagged with. */
export const TRIAGE_LANGUAGES = Language.options;

export type TriageLanguage = Language;

export function isIntentLabel(value: string): value is IntentLabel {
  return (INTENT_LABELS as readonly string[]).includes(value);
}
