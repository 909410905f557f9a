import type { MessageStatus, whatsapp } from '@switchboard/shared';

/**
 * How far along an outbound message is; a status only ever moves a message forward. `failed` ranks above
 * `sent` but below `delivered`: a delivery or read receipt is proof that the message arrived, whatever
 * came before it.
 */
export const STATUS_RANK: Record<whatsapp.DeliveryStatus, number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

const BY_RANK: MessageStatus[] = ['queued', 'sent', 'failed', 'delivered', 'read'];

export function statusOfRank(rank: number): MessageStatus {
  return BY_RANK[rank] ?? 'queued';
}
