import type { MessageDTO } from '@switchboard/shared';
import type { PendingReply } from '../../../contract/inbox-api';
import { messageTime } from '../../lib/time';
import { DeliveryTicks } from './DeliveryTicks';
import { MessageContent, quoteText } from './MessageContent';
import { Icon } from '../common/Icon';

type Props = {
  message: MessageDTO;
  reactions: string[] | undefined;
  quoted: MessageDTO | undefined;
  /** The message a search result pointed at. */
  found?: boolean;
};

export function MessageBubble({ message, reactions, quoted, found = false }: Props) {
  const side = message.direction === 'inbound' ? 'in' : message.direction === 'internal' ? 'note' : 'out';
  return (
    <div
      className={`bubble-row ${side} ${found ? 'found' : ''}`}
      data-message-id={message.id}
      data-status={message.status}
      aria-current={found ? 'true' : undefined}
    >
      <div className={`bubble ${side} type-${message.content.type}`}>
        {side === 'note' && <div className="note-label">Internal note</div>}
        {message.context?.forwarded && (
          <div className="forwarded">
            <Icon name="forward" size={11} /> Forwarded
          </div>
        )}
        {message.context?.replyToProviderMessageId && (
          <div className="quote">{quoted ? quoteText(quoted) : 'Replying to an earlier message'}</div>
        )}
        <MessageContent message={message} />
        <div className="bubble-meta">
          <span>{messageTime(message.sentAt)}</span>
          {side === 'out' && <DeliveryTicks status={message.status} />}
        </div>
        {reactions && (
          <div className="reactions" aria-label="Reactions">
            {reactions.join(' ')}
          </div>
        )}
      </div>
      {(message.status === 'failed' || message.status === 'dead') && (
        <div className="failure" role="note">
          {message.status === 'dead' ? 'Not delivered, retries ran out: ' : 'Not delivered: '}
          {message.failureReason ?? message.error?.message ?? message.error?.title ?? 'WhatsApp refused it'}
        </div>
      )}
    </div>
  );
}

/** A reply still in this device's outbox: the server has not acknowledged it yet. */
export function PendingBubble({ reply }: { reply: PendingReply }) {
  const { request } = reply;
  const side = request.type === 'note' ? 'note' : 'out';
  const text =
    request.type === 'template'
      ? `Template: ${request.template.name}`
      : request.type === 'media'
        ? (request.caption ?? 'Attachment')
        : request.type === 'interactive'
          ? request.interactive.body
          : request.body;
  return (
    <div className={`bubble-row ${side} pending`} data-pending-id={reply.clientMessageId} data-status="pending">
      <div className={`bubble ${side}`}>
        {side === 'note' && <div className="note-label">Internal note</div>}
        <div className="text">{text}</div>
        <div className="bubble-meta">
          <span>{reply.state === 'failed' ? 'Could not send' : 'Waiting to send'}</span>
          <span className="tick pending" title="Pending: kept on this device until the server has it">
            <Icon name="hourglass" size={11} />
          </span>
        </div>
      </div>
      {reply.error && <div className="failure">{reply.error}</div>}
    </div>
  );
}
