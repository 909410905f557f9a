import type { DocumentKind, ExtractedEntity, IntentLabel } from '@switchboard/shared';

export const INTENT_NAME: Record<IntentLabel, string> = {
  order_status: 'Order status',
  delivery_problem: 'Delivery problem',
  refund_request: 'Refund',
  cancel_order: 'Cancellation',
  payment_issue: 'Payment issue',
  invoice_question: 'Invoice',
  product_question: 'Product question',
  complaint: 'Complaint',
  talk_to_human: 'Wants a person',
  opt_out: 'Opt-out',
  greeting: 'Greeting',
  document_submission: 'Document sent',
  appointment: 'Appointment',
  account_access: 'Account access',
  unknown: 'Unknown',
};

const DOCUMENT_NAME: Record<DocumentKind, string> = {
  invoice: 'Invoice',
  receipt: 'Receipt',
  proof_of_payment: 'Proof of payment',
  identity_document: 'ID document',
  contract: 'Contract or form',
  medical_document: 'Medical document',
  tax_document: 'Tax document',
  bill: 'Bill',
  voucher: 'Voucher',
};

export const ENTITY_NAME: Record<ExtractedEntity['kind'], string> = {
  order_number: 'Order',
  amount: 'Amount',
  date: 'Date',
  email: 'Email',
  document_kind: 'Document',
};

/** An entity as an agent reads it: "#45120", "R$ 349.90 (BRL)", "12 Dec 2026", "Invoice". */
export function entityValue(entity: ExtractedEntity): string {
  switch (entity.kind) {
    case 'order_number':
      return entity.value;
    case 'amount':
      return entity.currency ? `${entity.text} (${entity.currency})` : entity.text;
    case 'date':
      return new Date(`${entity.value}T12:00:00`).toLocaleDateString(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
    case 'email':
      return entity.value;
    case 'document_kind':
      return DOCUMENT_NAME[entity.value];
  }
}
