import { useTranslation } from 'react-i18next';
import { MEDIA_RULES } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';
import type { Attachment } from '../../store/slices/attachments';
import { Icon } from '../common/Icon';

/** The files attached to the composer, in the order they go. */
export function AttachmentChips({ conversationId }: { conversationId: string }) {
  const attachments = useStore((s) => s.attachments[conversationId]);
  if (!attachments) return null;
  return (
    <div className="attachment-chips">
      {attachments.map((attachment) => (
        <AttachmentChip key={attachment.fileId} conversationId={conversationId} attachment={attachment} />
      ))}
    </div>
  );
}

/** One attached file: a thumbnail or its name and size, how far it is prepared, and ×. */
function AttachmentChip({ conversationId, attachment }: { conversationId: string; attachment: Attachment }) {
  const { t } = useTranslation('composer');
  const format = useFormat();
  const preview = useStore((s) => s.filePreviews[attachment.fileId]);
  const removeAttachment = useStore((s) => s.removeAttachment);
  const staging = attachment.state === 'staging';
  const fraction = attachment.size > 0 ? attachment.stagedBytes / attachment.size : 1;
  return (
    <div className="attachment-chip" data-state={attachment.state} data-kind={attachment.kind}>
      {preview ? (
        <img className="attachment-thumb" src={preview} alt="" />
      ) : (
        <Icon name="file" size={28} className="attachment-icon" />
      )}
      <div className="attachment-about">
        <div className="attachment-name" title={attachment.name}>
          {attachment.name}
        </div>
        <div className="muted">
          {format.fileSize(attachment.size)} ·{' '}
          {staging ? t('attach.preparing', { percent: format.percent(fraction) }) : t('attach.ready')}
        </div>
        {staging && (
          <progress className="attachment-progress" max={attachment.size} value={attachment.stagedBytes}>
            {format.percent(fraction)}
          </progress>
        )}
        {!MEDIA_RULES[attachment.kind].caption && (
          <div className="muted small">{t('attach.noCaption', { kind: t(`attach.kind.${attachment.kind}`) })}</div>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={t('attach.remove', { name: attachment.name })}
        title={t('attach.remove', { name: attachment.name })}
        onClick={() => void removeAttachment(conversationId, attachment.fileId)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

/** Why the last file offered was not attached, naming it and WhatsApp's limit. */
export function AttachmentError({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('composer');
  const message = useStore((s) => s.attachmentErrors[conversationId]);
  const dismiss = useStore((s) => s.dismissAttachmentError);
  if (!message) return null;
  return (
    <div className="attachment-error" role="alert">
      <Icon name="alert" />
      <span>{message}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('attach.dismiss')}
        onClick={() => dismiss(conversationId)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
