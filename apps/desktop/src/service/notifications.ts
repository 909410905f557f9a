import { contactDisplayName, type ConversationDTO, type MentionDTO, type SlaAlert } from '@switchboard/shared';
import type { InboxNotification } from '../contract/inbox-api.js';

const who = (c: ConversationDTO) => contactDisplayName(c.contact);

/** A conversation that just became mine (and is open) is news; one that already was, or went to someone else, is not. */
export function assignmentNotification(
  before: ConversationDTO | null,
  after: ConversationDTO,
  me: string,
): InboxNotification | null {
  if (after.assigneeId !== me || after.status !== 'open' || before?.assigneeId === me) return null;
  return {
    kind: 'assigned',
    conversationId: after.id,
    title: `New conversation: ${who(after)}`,
    body: after.lastMessagePreview ?? 'A conversation was assigned to you',
    contactName: who(after),
    preview: after.lastMessagePreview,
  };
}

const SLA_TITLES: Record<SlaAlert['level'], string> = {
  warning: 'SLA at risk',
  breached: 'SLA breached',
  escalated: 'SLA escalated',
};

export function slaNotification(alert: SlaAlert): InboxNotification {
  return {
    kind: 'sla',
    conversationId: alert.conversationId,
    title: SLA_TITLES[alert.level],
    body: alert.summary,
    alert,
  };
}

export function mentionNotification(mention: MentionDTO): InboxNotification {
  return {
    kind: 'mention',
    conversationId: mention.conversationId,
    title: `${mention.author.name} mentioned you · ${mention.contactName}`,
    body: mention.excerpt,
    mention,
  };
}
