import type { whatsapp } from '@switchboard/shared';

/**
 * How far along a message is; a status only ever moves a message forward. `failed` ranks above `sent` but
 * below `delivered`: a delivery or read receipt is proof that the message arrived, whatever came before.
 */
export const STATUS_RANK: Record<whatsapp.DeliveryStatus | 'queued' | 'received', number> = {
  received: 0,
  queued: 0,
  sent: 1,
  failed: 2,
  delivered: 3,
  read: 4,
};
