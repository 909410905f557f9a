import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '@switchboard/shared';
import { Icon } from '../common/Icon';

/** What an outbound message shows per status (a received one is the customer's: no ticks). */
const TICKS: Record<Exclude<MessageStatus, 'received'>, string> = {
  queued: '',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '!',
  dead: '!',
};

export function DeliveryTicks({ status }: { status: MessageStatus }) {
  const { t } = useTranslation('thread');
  if (status === 'received') return null;
  const title = t(`ticks.${status}`);
  return (
    <span className={`tick ${status}`} title={title} aria-label={title} data-tick={status}>
      {status === 'queued' ? <Icon name="clock" size={11} /> : TICKS[status]}
    </span>
  );
}
