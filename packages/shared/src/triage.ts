import { z } from 'zod';
import { Intent } from './intent.js';

/** What a customer's message is for: the 14 intents of triage-data/intents.md, or `unknown` (one list: intent.ts). */
export const IntentLabel = Intent;
export type IntentLabel = z.infer<typeof IntentLabel>;

/** The kinds of document a customer names ("segue o comprovante", "need an invoice with my VAT"). */
export const DocumentKind = z.enum([
  'invoice',
  'receipt',
  'proof_of_payment',
  'identity_document',
  'contract',
  'medical_document',
  'tax_document',
  'bill',
  'voucher',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

const Found = z.object({
  /** The words as the customer wrote them ("R$ 349,90", "#48213", "dia 5"). */
  text: z.string().min(1).max(200),
});

/**
 * A fact pulled out of a customer's message. Priority rules compare them (a refund over an amount), the
 * context pane shows them, and canned replies fill variables from them (`{{order_number}}`).
 */
export const ExtractedEntity = z.discriminatedUnion('kind', [
  Found.extend({ kind: z.literal('order_number'), value: z.string().min(1).max(40) }),
  Found.extend({
    kind: z.literal('amount'),
    value: z.number().nonnegative(),
    /** ISO 4217 ("BRL", "EUR", "USD", "MXN"); null when the message names no currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
      .nullable(),
  }),
  /** A calendar date (YYYY-MM-DD), resolved against when the message arrived. */
  Found.extend({ kind: z.literal('date'), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD') }),
  Found.extend({ kind: z.literal('email'), value: z.string().email() }),
  Found.extend({ kind: z.literal('document_kind'), value: DocumentKind }),
]);
export type ExtractedEntity = z.infer<typeof ExtractedEntity>;
export type ExtractedEntityKind = ExtractedEntity['kind'];

/** Who changed a conversation's intent by hand, from what, and when. */
export const IntentCorrectionDTO = z.object({
  from: IntentLabel.nullable(),
  to: IntentLabel,
  byUserId: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type IntentCorrectionDTO = z.infer<typeof IntentCorrectionDTO>;

/** What triage read in the customer's latest message, beside the intent routing uses. */
export const TriageDetailsDTO = z.object({
  /** The second ask of a message that asks two things; routing uses the conversation's `intent`. */
  secondaryIntent: IntentLabel.nullable(),
  /** 0..1, calibrated: of the messages given 0.9, about 90% are right. */
  confidence: z.number().min(0).max(1).nullable(),
  entities: z.array(ExtractedEntity),
  /** The latest correction by a person; null while the intent is the classifier's. */
  correction: IntentCorrectionDTO.nullable(),
});
export type TriageDetailsDTO = z.infer<typeof TriageDetailsDTO>;

/** An agent or supervisor fixing a conversation's intent (context pane, one click). */
export const CorrectIntentRequest = z.strictObject({ intent: IntentLabel });
export type CorrectIntentRequest = z.infer<typeof CorrectIntentRequest>;
