import { ConversationDTO, DeadLetterDTO, MessageDTO, QueueStateDTO, TemplateDTO, UserDTO } from '@switchboard/shared';
import type { InboxItem, TimelineItem } from '../../../contract/inbox-api';

/** Fixtures go through the shared schemas, so what the test bridge answers is what a host could answer. */
let counter = 0;
export const newId = () => (++counter).toString(16).padStart(24, 'a');
const AT = '2026-12-01T10:00:00.000Z';

export function user(role: UserDTO['role'], name = `Test ${role}`): UserDTO {
  return UserDTO.parse({
    id: newId(),
    email: `${role}@test.local`,
    name,
    role,
    active: true,
    channelIds: [],
    createdAt: AT,
  });
}

export function conversation(overrides: Partial<ConversationDTO> & { name?: string } = {}): ConversationDTO {
  const { name = 'Carla Cliente', ...fields } = overrides;
  const contact = {
    id: newId(),
    waId: '5511900000000',
    userId: null,
    profileName: name,
    optedOut: false,
    createdAt: AT,
    updatedAt: AT,
  };
  return ConversationDTO.parse({
    id: newId(),
    channelId: newId(),
    contact,
    status: 'open',
    assigneeId: null,
    queueId: null,
    routingState: 'assigned',
    waitingReason: null,
    waitingSince: null,
    priority: 'normal',
    intent: null,
    language: 'en',
    sla: null,
    handoff: null,
    labels: [],
    triage: { secondaryIntent: null, confidence: null, entities: [], correction: null },
    snoozedUntil: null,
    escalatedAt: null,
    seq: 1,
    messageCount: 1,
    lastMessageAt: AT,
    lastMessagePreview: 'Hello',
    lastInboundAt: AT,
    windowExpiresAt: null,
    openedAt: AT,
    resolvedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  });
}

/** A conversation as the list shows it, with this device's unread and pending counts. */
export const item = (overrides: Partial<InboxItem> & { name?: string } = {}): InboxItem => {
  const { unreadCount = 0, pendingReplies = 0, failedReplies = 0, ...rest } = overrides;
  return { ...conversation(rest), unreadCount, pendingReplies, failedReplies };
};

export function message(conversationId: string, text: string): MessageDTO {
  return MessageDTO.parse({
    id: newId(),
    conversationId,
    channelId: newId(),
    contactId: newId(),
    direction: 'inbound',
    providerMessageId: `wamid.${newId()}`,
    content: { type: 'text', body: text },
    context: null,
    referral: null,
    status: 'received',
    statusTimestamps: { sent: null, delivered: null, read: null, failed: null },
    error: null,
    failureReason: null,
    attempts: 0,
    clientMessageId: null,
    authorId: null,
    sentAt: AT,
    createdAt: AT,
  });
}

export function timelineItem(summary: string, seq = 1): TimelineItem {
  return { kind: 'triaged', summary, details: {}, actorId: null, seq, at: AT };
}

export function queueState(name: string, waiting = 0): QueueStateDTO {
  return QueueStateDTO.parse({
    queue: {
      id: newId(),
      name,
      intents: [],
      languages: [],
      mode: 'manual',
      fallback: false,
      businessHours: null,
      maxPerAgent: null,
      outOfHours: { enabled: false, messages: {} },
      createdAt: AT,
    },
    waiting,
    oldestWaitingSince: waiting > 0 ? AT : null,
    slaAtRisk: 0,
    slaBreached: 0,
    agents: [],
  });
}

export function template(name: string, status: TemplateDTO['status'] = 'approved'): TemplateDTO {
  return TemplateDTO.parse({
    id: newId(),
    version: 1,
    name,
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'positional',
    body: 'Hi {{1}}, your order has shipped.',
    parameters: [{ name: '1', type: 'text', example: 'Maria' }],
    headerText: null,
    footer: null,
    status,
    rejectionReason: null,
    review: null,
    createdAt: AT,
    updatedAt: AT,
  });
}

export function deadLetter(text: string): DeadLetterDTO {
  const dead = { ...message(newId(), text), direction: 'outbound' as const, status: 'dead' as const };
  return DeadLetterDTO.parse({ message: dead, failures: 8, lastFailure: 'WhatsApp refused (131047)', deadSince: AT });
}
