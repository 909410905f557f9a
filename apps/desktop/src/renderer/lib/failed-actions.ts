import type { OutboxRequest } from '../../contract/inbox-api';

export type FailedAction = 'retry' | 'edit' | 'discard';

/**
 * What an agent may do with a send that failed. Discard, always. Edit, for a template (its form reopens).
 * Retry only when sending it again can work: never for a reply the server refused because the customer opted
 * out, nor for any failed send while the customer is opted out (only their opting in again changes that), nor
 * when there is nothing to send again (`resend` null: a message of a kind the inbox cannot rebuild).
 */
export function failedActionsOf({
  resend,
  errorCode,
  optedOut,
}: {
  resend: OutboxRequest | null;
  errorCode: string | null;
  optedOut: boolean;
}): FailedAction[] {
  const blocked = optedOut || errorCode === 'OPTED_OUT';
  return [
    ...(resend && !blocked ? (['retry'] as const) : []),
    ...(resend?.type === 'template' ? (['edit'] as const) : []),
    'discard',
  ];
}
