import { useTranslation } from 'react-i18next';
import type { MessageDTO, SendMessageRequest } from '@switchboard/shared';
import type { FileReply, PendingReply } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { failureText } from '../../i18n/errors';
import { deliveryFailureText } from '../../lib/delivery-failure';
import { useFormat } from '../../i18n/format';
import { failedMessage, failedReply } from '../../store/slices/failed-sends';
import { selectOpenContact } from '../../store/selectors';
import { FailedActions } from './FailedActions';
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
  /** A failed message the agent already sent again or discarded: it no longer offers what to do with it. */
  settled?: boolean;
};

/** A template message as the request that sends it again. */
const resendOf = (message: MessageDTO): SendMessageRequest | null =>
  message.content.type === 'template'
    ? {
        type: 'template',
        template: {
          name: message.content.name,
          language: message.content.language,
          parameters: message.content.parameters,
        },
      }
    : null;

export function MessageBubble({ message, reactions, quoted, found = false, settled = false }: Props) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const quoteText = useQuoteText();
  const side = message.direction === 'inbound' ? 'in' : message.direction === 'internal' ? 'note' : 'out';
  const failed = message.status === 'failed' || message.status === 'dead';
  const optedOut = useStore((s) => selectOpenContact(s)?.optedOut ?? false);
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
          {side === 'out' && message.authorId === null && (
            <span className="bubble-automatic">
              <Icon name="bot" size={11} /> {t('automatic')}
            </span>
          )}
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
      {failed && (
        <div className="failure" role="note">
          {message.status === 'dead' ? t('failure.dead') : t('failure.failed')} {deliveryFailureText(message)}
        </div>
      )}
      {failed && !settled && side === 'out' && (
        <FailedActions
          conversationId={message.conversationId}
          failed={failedMessage(message)}
          resend={resendOf(message)}
          optedOut={optedOut}
        />
      )}
    </div>
  );
}

/** A reply still in this device's outbox: waiting for the server, or refused by it (then with what to do). */
export function PendingBubble({ reply }: { reply: PendingReply }) {
  const { t } = useTranslation('thread');
  const { request } = reply;
  const side = request.type === 'note' ? 'note' : 'out';
  const failed = reply.state === 'failed';
  const optedOut = useStore((s) => selectOpenContact(s)?.optedOut ?? false);
  const text =
    request.type === 'template'
      ? t('pending.template', { name: request.template.name })
      : request.type === 'media' || request.type === 'file'
        ? (request.caption ?? (request.type === 'media' ? t('pending.attachment') : ''))
        : request.type === 'interactive'
          ? request.interactive.body
          : request.body;
  return (
    <div className={`bubble-row ${side} pending`} data-pending-id={reply.clientMessageId} data-status={reply.state}>
      <div className={`bubble ${side}`}>
        {side === 'note' && <div className="note-label">{t('note')}</div>}
        {request.type === 'file' && <PendingFile reply={reply} file={request.file} />}
        {text && <div className="text">{text}</div>}
        <div className="bubble-meta">
          {failed ? (
            <>
              <span>{t('pending.failed')}</span>
              <span className="tick failed" title={t('pending.failedHint')} aria-label={t('pending.failedHint')}>
                !
              </span>
            </>
          ) : (
            <>
              <span>{t('pending.waiting')}</span>
              <span className="tick pending" title={t('pending.hint')}>
                <Icon name="hourglass" size={11} />
              </span>
            </>
          )}
        </div>
      </div>
      {failed && (
        <div className="failure" role="note">
          {failureText({ code: reply.errorCode ?? 'UNKNOWN', message: reply.error ?? '' })}
          {reply.error && <div className="failure-detail">{reply.error}</div>}
        </div>
      )}
      {failed && (
        <FailedActions
          conversationId={reply.conversationId}
          failed={failedReply(reply)}
          resend={request}
          errorCode={reply.errorCode}
          optedOut={optedOut}
          issues={reply.issues}
        />
      )}
    </div>
  );
}

/**
 * A file reply not yet sent: its picture (when this window attached it) or its name and size, and, once its
 * upload started, how far it got (until then the bubble says it waits, as every pending reply does).
 */
function PendingFile({ reply, file }: { reply: PendingReply; file: FileReply['file'] }) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const preview = useStore((s) => s.filePreviews[file.id]);
  const progress = useStore((s) => s.uploads[reply.clientMessageId]);
  const fraction = progress ? progress.sentBytes / progress.totalBytes : 0;
  return (
    <div className="pending-file">
      {preview ? (
        <img className="image" src={preview} alt={file.filename} />
      ) : (
        <div className="document">
          <Icon name="file" size={24} className="doc-icon" />
          <div>
            <div className="doc-name">{file.filename}</div>
            <div className="muted">{format.fileSize(file.size)}</div>
          </div>
        </div>
      )}
      {reply.state === 'pending' && progress && (
        <div className="upload-status muted">
          <progress
            max={file.size}
            value={progress.sentBytes}
            aria-label={t('file.progress', { name: file.filename })}
          />
          {t('file.uploading', { percent: format.percent(fraction) })}
        </div>
      )}
    </div>
  );
}
