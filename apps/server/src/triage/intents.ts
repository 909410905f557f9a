import { Language } from '@switchboard/shared';

/** Every label the classifier can give a message; `unknown` is what falls below the confidence threshold. */
export const INTENT_LABELS = [
  'order_status',
  'delivery_problem',
  'refund_request',
  'cancel_order',
  'payment_issue',
  'invoice_question',
  'product_question',
  'complaint',
  'talk_to_human',
  'opt_out',
  'greeting',
  'document_submission',
  'appointment',
  'account_access',
  'unknown',
] as const;

export type IntentLabel = (typeof INTENT_LABELS)[number];

/** The languages the classifier is trained in: the same set conversations and queues are tagged with. */
export const TRIAGE_LANGUAGES = Language.options;

export type TriageLanguage = Language;

export function isIntentLabel(value: string): value is IntentLabel {
  return (INTENT_LABELS as readonly string[]).includes(value);
}
