import { z } from 'zod';

/**
 * Every label the classifier can give a message; `unknown` is what falls below the confidence threshold.
 * Shared so that the settings screens offer the same list the server checks queues and rules against.
 */
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

export const Intent = z.enum(INTENT_LABELS);
export type Intent = z.infer<typeof Intent>;
