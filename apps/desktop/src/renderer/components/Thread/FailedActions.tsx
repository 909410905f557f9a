import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '@switchboard/shared';
import type { OutboxRequest } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import type { FailedSend } from '../../store/slices/failed-sends';

type Props = { conversationId: string; failed: FailedSend; request: OutboxRequest; issues?: ErrorIssue[] };

/** What an agent can do with a send that failed: try it again, reopen a template to correct it, or give it up. */
export function FailedActions({ conversationId, failed, request, issues = [] }: Props) {
  const { t } = useTranslation('thread');
  const retryFailed = useStore((s) => s.retryFailed);
  const discardFailed = useStore((s) => s.discardFailed);
  const editFailed = useStore((s) => s.editFailed);
  return (
    <div className="failed-actions" role="group" aria-label={t('failedActions.label')}>
      <button className="btn small" onClick={() => void retryFailed(conversationId, failed, request)}>
        {t('failedActions.retry')}
      </button>
      {request.type === 'template' && (
        <button
          className="btn small"
          onClick={() => editFailed({ conversationId, ...request.template, issues, failed })}
        >
          {t('failedActions.edit')}
        </button>
      )}
      <button className="btn small" onClick={() => void discardFailed(conversationId, failed)}>
        {t('failedActions.discard')}
      </button>
    </div>
  );
}
