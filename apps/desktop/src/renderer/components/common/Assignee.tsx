import type { ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';

/**
 * Who has the conversation: "you", a teammate by name when this user's lists name them (supervisors load
 * every agent), or why nobody has it yet.
 */
export function useAssigneeLabel(conversation: ConversationDTO): string {
  const me = useStore((s) => s.user);
  const agents = useStore((s) => s.agents);
  const { assigneeId } = conversation;
  if (!assigneeId) return conversation.waitingReason ? `Unassigned: ${conversation.waitingReason}` : 'Unassigned';
  if (assigneeId === me?.id) return 'Assigned to you';
  const name = agents.find((a) => a.id === assigneeId)?.name;
  return name ? `Assigned to ${name}` : 'Assigned to a teammate';
}

export function AssigneeBadge({ conversation }: { conversation: ConversationDTO }) {
  const label = useAssigneeLabel(conversation);
  return (
    <span className={`badge assignee ${conversation.assigneeId ? '' : 'warn'}`} data-testid="assignee">
      {label}
    </span>
  );
}
