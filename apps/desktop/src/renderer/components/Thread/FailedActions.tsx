import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '@switchboard/shared';
import type { OutboxRequest } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { failedActionsOf } from '../../lib/failed-actions';
import type { FailedSend } from '../../store/slices/failed-sends';

type Props = {
  conversationId: string;
  failed: FailedSend;
  /** What sending it again sends; null when the inbox cannot rebuild it (then it can only be discarded). */
  resend: OutboxRequest | null;
  /** The server's code for a refused reply (`OPTED_OUT`, `TEMPLATE_PARAMETERS_INVALID`…). */
  errorCode?: string | null;
  /** The customer is opted out now: nothing sent to them can go until they opt in again. */
  optedOut: boolean;
  issues?: ErrorIssue[];
};

/** What an agent can do with a send that failed: try it again, reopen a template to correct it, or give it up. */
export function FailedActions({ conversationId, failed, resend, errorCode = null, optedOut, issues = [] }: Props) {
  const { t } = useTranslation('thread');
  const retryFailed = useStore((s) => s.retryFailed);
  const discardFailed = useStore((s) => s.discardFailed);
  const editFailed = useStore((s) => s.editFailed);
  const actions = failedActionsOf({ resend, errorCode, optedOut });
  const blockedByOptOut = resend !== null && !actions.includes('retry');
  return (
    <div className="failed-actions" role="group" aria-label={t('failedActions.label')}>
      {resend && actions.includes('retry') && (
        <button className="btn small" onClick={() => void retryFailed(conversationId, failed, resend)}>
          {t('failedActions.retry')}
        </button>
      )}
      {resend?.type === 'template' && actions.includes('edit') && (
        <button
          className="btn small"
          onClick={() => editFailed({ conversationId, ...resend.template, issues, failed })}
        >
          {t('failedActions.edit')}
        </button>
      )}
      <button className="btn small" onClick={() => void discardFailed(conversationId, failed)}>
        {t('failedActions.discard')}
      </button>
      {blockedByOptOut && <span className="failed-actions-why muted">{t('failedActions.optedOut')}</span>}
    </div>
  );
}
