import type { ConversationDTO } from '@switchboard/shared';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/**
 * Who has the conversation: "you", a teammate by name when this user's lists name them (supervisors load
 * every agent; anyone who opened the transfer dialog has their teammates), or why nobody has it yet.
 */
export function useAssigneeLabel(conversation: ConversationDTO): string {
  const { t } = useTranslation('thread');
  const me = useStore((s) => s.user);
  const agents = useStore((s) => s.agents);
  const teammates = useStore((s) => s.transferTargets.agents);
  const { assigneeId } = conversation;
  if (!assigneeId)
    return conversation.waitingReason
      ? t('assignee.unassignedWhy', { reason: conversation.waitingReason })
      : t('assignee.unassigned');
  if (assigneeId === me?.id) return t('assignee.you');
  const name = agents.find((a) => a.id === assigneeId)?.name ?? teammates.find((a) => a.userId === assigneeId)?.name;
  return name ? t('assignee.named', { name }) : t('assignee.teammate');
}

export function AssigneeBadge({ conversation }: { conversation: ConversationDTO }) {
  const label = useAssigneeLabel(conversation);
  return (
    <span className={`badge assignee ${conversation.assigneeId ? '' : 'warn'}`} data-testid="assignee">
      {label}
    </span>
  );
}
