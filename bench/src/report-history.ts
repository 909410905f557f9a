import { randomBytes } from 'node:crypto';
import type { ConversationDTO, ConversationEventDTO, MessageDTO } from '@switchboard/shared';

/**
 * A long support history as the conversation log records it, for the reports benchmark: conversations spread
 * evenly over `days`, each answered by one of the agents, with `messagesEach` messages alternating customer
 * and agent a minute apart, then resolved. Events, not documents: they go through the server's ReportReducer.
 */
export type HistoryShape = { days: number; conversations: number; messagesEach: number; start: Date };

const objectId = () => randomBytes(12).toString('hex');
const QUEUES = Array.from({ length: 5 }, () => objectId());
const CHANNELS = Array.from({ length: 2 }, () => objectId());
export const HISTORY_AGENTS = Array.from({ length: 20 }, () => objectId());
const INTENTS = ['order_status', 'billing', 'refund', 'technical'];
const LANGUAGES = ['en', 'es', 'pt'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

function conversation(i: number, openedMs: number, status: 'open' | 'resolved', atMs: number): ConversationDTO {
  const agent = HISTORY_AGENTS[i % HISTORY_AGENTS.length]!;
  return {
    id: `c${i}`,
    channelId: CHANNELS[i % CHANNELS.length]!,
    status,
    assigneeId: status === 'open' ? agent : null,
    queueId: QUEUES[i % QUEUES.length]!,
    routingState: status === 'open' ? 'assigned' : null,
    waitingReason: null,
    waitingSince: null,
    priority: 'normal',
    intent: INTENTS[i % INTENTS.length]!,
    language: LANGUAGES[i % LANGUAGES.length]!,
    sla: null,
    handoff: null,
    labels: [],
    triage: { secondaryIntent: null, confidence: null, entities: [], correction: null },
    snoozedUntil: null,
    escalatedAt: null,
    seq: 0,
    messageCount: 0,
    lastMessageAt: iso(atMs),
    lastMessagePreview: '',
    lastInboundAt: iso(openedMs),
    windowExpiresAt: iso(openedMs + 86_400_000),
    openedAt: iso(openedMs),
    resolvedAt: status === 'resolved' ? iso(atMs) : null,
    createdAt: iso(openedMs),
    updatedAt: iso(atMs),
    contact: {
      id: `k${i}`,
      waId: `5511${900000000 + i}`,
      userId: null,
      profileName: `Customer ${i}`,
      optedOut: false,
      name: null,
      email: null,
      language: null,
      tier: 'standard',
      attributes: {},
      notes: '',
      otherWaIds: [],
      createdAt: iso(openedMs),
      updatedAt: iso(openedMs),
    },
  };
}

function message(i: number, j: number, sentMs: number): MessageDTO {
  const inbound = j % 2 === 0;
  const c = conversation(i, sentMs, 'open', sentMs);
  return {
    id: `c${i}-m${j}`,
    conversationId: c.id,
    channelId: c.channelId,
    contactId: c.contact.id,
    direction: inbound ? 'inbound' : 'outbound',
    providerMessageId: `wamid.${i}.${j}`,
    content: { type: 'text', body: inbound ? 'where is my order?' : 'Let me check that for you.' },
    context: null,
    referral: null,
    status: inbound ? 'received' : 'delivered',
    statusTimestamps: { sent: null, delivered: inbound ? null : iso(sentMs + 2000), read: null, failed: null },
    error: null,
    failureReason: null,
    attempts: 0,
    clientMessageId: null,
    authorId: inbound ? null : c.assigneeId,
    sentAt: iso(sentMs),
    createdAt: iso(sentMs),
  } as MessageDTO;
}

/** One conversation's changes, in log order: routed, its messages, resolved. */
export function conversationEvents(i: number, shape: HistoryShape): ConversationEventDTO[] {
  const spacing = (shape.days * 86_400_000) / shape.conversations;
  const opened = shape.start.getTime() + Math.floor(i * spacing);
  const events: ConversationEventDTO[] = [];
  const push = (event: Omit<ConversationEventDTO, 'id' | 'conversationId' | 'seq'>) =>
    events.push({ ...event, id: `e${i}-${events.length}`, conversationId: `c${i}`, seq: events.length + 1 } as never);
  push({ type: 'conversation:updated', at: iso(opened + 1000), data: conversation(i, opened, 'open', opened + 1000) });
  for (let j = 0; j < shape.messagesEach; j++) {
    const sent = opened + j * 60_000;
    push({ type: 'message:created', at: iso(sent), data: message(i, j, sent) });
  }
  const resolved = opened + shape.messagesEach * 60_000;
  push({ type: 'conversation:updated', at: iso(resolved), data: conversation(i, opened, 'resolved', resolved) });
  return events;
}
