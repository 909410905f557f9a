import { useTranslation } from 'react-i18next';
import type { TemplateDTO } from '@switchboard/shared';

/**
 * Where WhatsApp's review of a template stands, below its status: waiting for WhatsApp, or why the submission
 * did not reach the review (with a way for admins to submit it again). Nothing for templates reviewed by hand.
 */
export function TemplateReview({ template, onResubmit }: { template: TemplateDTO; onResubmit: (() => void) | null }) {
  const { t } = useTranslation('settings');
  const { review, status } = template;
  if (!review || status !== 'pending') return null;
  if (!review.failure) return <div className="muted settings-template-review">{t('templates.inReview')}</div>;
  return (
    <div className="settings-template-review failed">
      <div>{t('templates.submitFailed', { reason: review.failure })}</div>
      {onResubmit && (
        <button className="btn ghost small" onClick={onResubmit}>
          {t('templates.resubmit')}
        </button>
      )}
    </div>
  );
}
