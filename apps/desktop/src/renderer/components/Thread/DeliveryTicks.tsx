import type { MessageStatus } from '@switchboard/shared';
import { Icon } from '../common/Icon';

const TICKS: Partial<Record<MessageStatus, { mark: string; title: string }>> = {
  queued: { mark: '', title: 'Queued: waiting for WhatsApp' },
  sent: { mark: '✓', title: 'Sent' },
  delivered: { mark: '✓✓', title: 'Delivered' },
  read: { mark: '✓✓', title: 'Read' },
  failed: { mark: '!', title: 'Failed' },
  dead: { mark: '!', title: 'Not delivered' },
};

export function DeliveryTicks({ status }: { status: MessageStatus }) {
  const tick = TICKS[status];
  if (!tick) return null;
  return (
    <span className={`tick ${status}`} title={tick.title} aria-label={tick.title} data-tick={status}>
      {status === 'queued' ? <Icon name="clock" size={11} /> : tick.mark}
    </span>
  );
}
