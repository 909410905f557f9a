import { useTranslation } from 'react-i18next';
import { MEDIA_RULES } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';
import { Icon } from '../common/Icon';

/** The file attached to the composer: a thumbnail or its name and size, how far it is prepared, and ×. */
export function AttachmentChip({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('composer');
  const format = useFormat();
  const attachment = useStore((s) => s.attachments[conversationId]);
  const preview = useStore((s) => (attachment ? s.filePreviews[attachment.fileId] : undefined));
  const removeAttachment = useStore((s) => s.removeAttachment);
  if (!attachment) return null;
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
        onClick={() => void removeAttachment(conversationId)}
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
