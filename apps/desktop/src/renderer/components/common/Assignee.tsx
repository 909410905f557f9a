import { useEffect } from 'react';
import type { ConversationDTO } from '@switchboard/shared';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import { phraseText } from '../../i18n/phrases';

/**
 * Who has the conversation: "you", a teammate by name, or why nobody has it yet. The name comes from the
 * agents a supervisor's board loaded or the teammates of the transfer dialog; when neither names the
 * assignee, the teammates are looked up.
 */
export function useAssigneeLabel(conversation: ConversationDTO): string {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const me = useStore((s) => s.user);
  const agents = useStore((s) => s.agents);
  const teammates = useStore((s) => s.transferTargets.agents);
  const lookUpTeammate = useStore((s) => s.lookUpTeammate);
  const { assigneeId } = conversation;
  const someoneElse = assigneeId && assigneeId !== me?.id ? assigneeId : null;
  const name = someoneElse
    ? (agents.find((a) => a.id === someoneElse)?.name ?? teammates.find((a) => a.userId === someoneElse)?.name)
    : undefined;
  const unnamed = someoneElse && !name ? someoneElse : null;
  useEffect(() => {
    if (unnamed) lookUpTeammate(unnamed);
  }, [unnamed, lookUpTeammate]);

  if (!assigneeId)
    return conversation.waitingReason
      ? t('assignee.unassignedWhy', {
          reason: phraseText(conversation.waitingReasonPhrase, conversation.waitingReason, format),
        })
      : t('assignee.unassigned');
  if (!someoneElse) return t('assignee.you');
  return name ? t('assignee.named', { name }) : t('assignee.teammate');
}

export function AssigneeBadge({ conversation }: { conversation: ConversationDTO }) {
  const label = useAssigneeLabel(conversation);
  return (
    <span className={`badge assignee ${conversation.assigneeId ? '' : 'warn'}`} data-testid="assignee" title={label}>
      {label}
    </span>
  );
}
