import { ContactDTO, type ConversationDTO, type MessageDTO } from '@switchboard/shared';

/** DTOs as the server sends them, for cache tests: minute `n` of 2026-01-01 12:00 UTC. */
export const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

export function conversation(id: string, seq: number, over: Partial<ConversationDTO> = {}): ConversationDTO {
  return {
    id,
    channelId: 'ch',
    status: 'open',
    assigneeId: null,
    queueId: null,
    routingState: null,
    waitingReason: null,
    waitingSince: null,
    priority: 'normal',
    intent: null,
    language: null,
    sla: null,
    handoff: null,
    labels: [],
    triage: { secondaryIntent: null, confidence: null, entities: [], correction: null },
    snoozedUntil: null,
    escalatedAt: null,
    seq,
    messageCount: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastInboundAt: null,
    windowExpiresAt: null,
    openedAt: at(0),
    resolvedAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    contact: ContactDTO.parse({
      id: 'k',
      waId: '5511900000000',
      userId: null,
      profileName: 'Ana',
      optedOut: false,
      createdAt: at(0),
      updatedAt: at(0),
    }),
    ...over,
  };
}

export function message(
  id: string,
  conversationId: string,
  minute: number,
  status: MessageDTO['status'] = 'received',
): MessageDTO {
  return {
    id,
    conversationId,
    channelId: 'ch',
    contactId: 'k',
    direction: 'inbound',
    providerMessageId: null,
    content: { type: 'text', body: id },
    context: null,
    referral: null,
    status,
    statusTimestamps: { sent: null, delivered: null, read: null, failed: null },
    error: null,
    failureReason: null,
    attempts: 0,
    clientMessageId: null,
    authorId: null,
    sentAt: at(minute),
    createdAt: at(minute),
  };
}
