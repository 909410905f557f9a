import { useTranslation } from 'react-i18next';
import type { MessageDTO } from '@switchboard/shared';
import type { PendingReply } from '../../../contract/inbox-api';
import { useFormat } from '../../i18n/format';
import { DeliveryTicks } from './DeliveryTicks';
import { MessageContent, useQuoteText } from './MessageContent';
import { Icon } from '../common/Icon';
import { WaitingReason } from './WaitingReason';

type Props = {
  message: MessageDTO;
  reactions: string[] | undefined;
  quoted: MessageDTO | undefined;
  /** The message a search result pointed at. */
  found?: boolean;
};

export function MessageBubble({ message, reactions, quoted, found = false }: Props) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const quoteText = useQuoteText();
  const side = message.direction === 'inbound' ? 'in' : message.direction === 'internal' ? 'note' : 'out';
  return (
    <div
      className={`bubble-row ${side} ${found ? 'found' : ''}`}
      data-message-id={message.id}
      data-status={message.status}
      aria-current={found ? 'true' : undefined}
    >
      <div className={`bubble ${side} type-${message.content.type}`}>
        {side === 'note' && <div className="note-label">{t('note')}</div>}
        {message.context?.forwarded && (
          <div className="forwarded">
            <Icon name="forward" size={11} /> {t('forwarded')}
          </div>
        )}
        {message.context?.replyToProviderMessageId && (
          <div className="quote">{quoted ? quoteText(quoted) : t('replyingToEarlier')}</div>
        )}
        <MessageContent message={message} />
        <div className="bubble-meta">
          <span title={format.fullDate(message.sentAt)}>{format.dateTime(message.sentAt)}</span>
          {side === 'out' && <DeliveryTicks status={message.status} />}
        </div>
        {reactions && (
          <div className="reactions" aria-label={t('reactions')}>
            {reactions.join(' ')}
          </div>
        )}
      </div>
      {side === 'out' && message.status === 'queued' && <WaitingReason channelId={message.channelId} />}
      {(message.status === 'failed' || message.status === 'dead') && (
        <div className="failure" role="note">
          {message.status === 'dead' ? t('failure.dead') : t('failure.failed')}{' '}
          {message.failureReason ?? message.error?.message ?? message.error?.title ?? t('failure.refused')}
        </div>
      )}
    </div>
  );
}

/** A reply still in this device's outbox: the server has not acknowledged it yet. */
export function PendingBubble({ reply }: { reply: PendingReply }) {
  const { t } = useTranslation('thread');
  const { request } = reply;
  const side = request.type === 'note' ? 'note' : 'out';
  const text =
    request.type === 'template'
      ? t('pending.template', { name: request.template.name })
      : request.type === 'media'
        ? (request.caption ?? t('pending.attachment'))
        : request.type === 'interactive'
          ? request.interactive.body
          : request.body;
  return (
    <div className={`bubble-row ${side} pending`} data-pending-id={reply.clientMessageId} data-status="pending">
      <div className={`bubble ${side}`}>
        {side === 'note' && <div className="note-label">{t('note')}</div>}
        <div className="text">{text}</div>
        <div className="bubble-meta">
          <span>{reply.state === 'failed' ? t('pending.failed') : t('pending.waiting')}</span>
          <span className="tick pending" title={t('pending.hint')}>
            <Icon name="hourglass" size={11} />
          </span>
        </div>
      </div>
      {reply.error && <div className="failure">{reply.error}</div>}
    </div>
  );
}
