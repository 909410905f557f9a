import { Locale } from '@switchboard/shared';
import type {
  ChannelDTO,
  ChannelSendHealthDTO,
  ContactDTO,
  ConversationDTO,
  ExtractedEntity,
  IntentCorrectionDTO,
  IntentLabel,
  MessageContent,
  MessageDTO,
  Phrase,
  TriageDetailsDTO,
  UserDTO,
} from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ChannelDoc } from './channel.model.js';
import type { ContactDoc } from './contact.model.js';
import type { ConversationDoc } from './conversation.model.js';
import type { MessageDoc } from './message.model.js';
import type { UserDoc } from './user.model.js';
import { statusOfRank } from './message-status.js';

/** WhatsApp's customer-service window: free-form replies within 24 hours of the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const idOf = (id: Types.ObjectId | null | undefined) => (id ? id.toHexString() : null);

export function toUserDTO(u: UserDoc): UserDTO {
  return {
    id: u._id.toHexString(),
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    channelIds: u.channelIds.map((c) => c.toHexString()),
    createdAt: u.createdAt.toISOString(),
    locale: Locale.safeParse(u.locale).data ?? null,
  };
}

export function toChannelDTO(c: ChannelDoc, memberIds: string[]): ChannelDTO {
  return {
    id: c._id.toHexString(),
    phoneNumberId: c.phoneNumberId,
    displayPhoneNumber: c.displayPhoneNumber ?? null,
    wabaId: c.wabaId ?? null,
    name: c.name,
    status: c.status,
    markReadOnOpen: c.markReadOnOpen ?? true,
    memberIds,
    hasAccessToken: Boolean(c.accessToken),
    accessTokenSetAt: iso(c.accessTokenSetAt),
    apiVersion: c.apiVersion ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** A number's send health as its breakers last recorded it; a number never recorded sends. */
export function toSendHealthDTO(
  c: Pick<ChannelDoc, '_id' | 'name' | 'displayPhoneNumber' | 'sendHealth' | 'createdAt'>,
): ChannelSendHealthDTO {
  const health = c.sendHealth;
  const state = health?.state ?? 'sending';
  return {
    channelId: c._id.toHexString(),
    name: c.name,
    displayPhoneNumber: c.displayPhoneNumber ?? null,
    state,
    downSince: state === 'sending' ? null : iso(health?.downSince),
    nextRetryAt: state === 'sending' ? null : iso(health?.nextRetryAt),
    changedAt: (health?.changedAt ?? c.createdAt).toISOString(),
  };
}

/** A contact's custom attributes as the record clients and priority rules read. */
export function attributesOf(c: Pick<ContactDoc, 'attributes'>): Record<string, string> {
  return Object.fromEntries((c.attributes ?? []).map((a) => [a.key ?? '', a.value ?? '']));
}

export function toContactDTO(c: ContactDoc): ContactDTO {
  return {
    id: c._id.toHexString(),
    waId: c.waId ?? null,
    userId: c.userId ?? null,
    profileName: c.profileName ?? null,
    optedOut: c.optedOut ?? false,
    name: c.name ?? null,
    email: c.email ?? null,
    language: (c.language as ContactDTO['language']) ?? null,
    tier: c.tier === 'vip' ? 'vip' : 'standard',
    attributes: attributesOf(c),
    notes: c.notes ?? '',
    otherWaIds: [...(c.otherWaIds ?? [])],
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A stored phrase; the database drops an empty `params` object, which the DTO keeps. */
function phraseOf(stored: unknown): Phrase | null {
  if (!stored) return null;
  const { code, params } = stored as { code: string; params?: Phrase['params'] };
  return { code, params: params ?? {} };
}

export function toConversationDTO(c: ConversationDoc, contact: ContactDoc): ConversationDTO {
  return {
    id: c._id.toHexString(),
    channelId: c.channelId.toHexString(),
    contact: toContactDTO(contact),
    status: c.status,
    assigneeId: idOf(c.assigneeId),
    queueId: idOf(c.queueId),
    routingState: c.routingState ?? null,
    waitingReason: c.waitingReason ?? null,
    waitingReasonPhrase: phraseOf(c.waitingReasonPhrase),
    waitingSince: iso(c.waitingSince),
    priority: c.priority,
    intent: c.intent ?? null,
    language: (c.language as ConversationDTO['language']) ?? null,
    triage: toTriageDetails(c),
    handoff: (c.handoff as ConversationDTO['handoff']) ?? null,
    labels: [...(c.labels ?? [])],
    snoozedUntil: iso(c.snoozedUntil),
    escalatedAt: iso(c.escalatedAt),
    sla:
      c.slaKind && c.slaDueAt
        ? { kind: c.slaKind as NonNullable<ConversationDTO['sla']>['kind'], dueAt: c.slaDueAt.toISOString() }
        : null,
    seq: c.seq,
    messageCount: c.messageCount,
    lastMessageAt: iso(c.lastMessageAt),
    lastMessagePreview: c.lastMessagePreview ?? null,
    lastInboundAt: iso(c.lastInboundAt),
    windowExpiresAt: c.lastInboundAt
      ? new Date(c.lastInboundAt.getTime() + CUSTOMER_SERVICE_WINDOW_MS).toISOString()
      : null,
    openedAt: c.openedAt.toISOString(),
    resolvedAt: iso(c.resolvedAt),
    csat: toCsatDTO(c.csat as StoredCsat | null | undefined),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Conversations triaged before second asks and entities existed read as having none. */
function toTriageDetails(c: ConversationDoc): TriageDetailsDTO {
  const triage = (c.triage ?? {}) as Partial<{
    confidence: number;
    secondaryIntent: IntentLabel;
    entities: ExtractedEntity[];
  }>;
  return {
    secondaryIntent: triage.secondaryIntent ?? null,
    confidence: triage.confidence ?? null,
    entities: triage.entities ?? [],
    correction: (c.intentCorrection as IntentCorrectionDTO | null) ?? null,
  };
}

/** The CSAT survey as the conversation document keeps it (csat/ writes it). */
export type StoredCsat = {
  state: 'asked' | 'rated';
  askedAt: Date;
  via: 'buttons' | 'template';
  language: 'en' | 'es' | 'pt';
  /** Answers after this start a conversation again, as any message does. */
  expiresAt: Date;
  score: number | null;
  ratedAt: Date | null;
  comment: string | null;
  /** Until then the customer's next message is the rating's comment. */
  commentUntil: Date | null;
};

function toCsatDTO(csat: StoredCsat | null | undefined): ConversationDTO['csat'] {
  if (!csat) return null;
  return {
    state: csat.state,
    askedAt: csat.askedAt.toISOString(),
    via: csat.via,
    language: csat.language,
    score: csat.score,
    ratedAt: iso(csat.ratedAt),
    comment: csat.comment,
  };
}

export function toMessageDTO(m: MessageDoc): MessageDTO {
  const ts = m.statusTimestamps;
  const status = messageStatusOf(m);
  // An error explains a failure; once a later receipt shows the message arrived, it no longer applies.
  const failed = status === 'failed' || status === 'dead';
  return {
    id: m._id.toHexString(),
    conversationId: m.conversationId.toHexString(),
    channelId: m.channelId.toHexString(),
    contactId: m.contactId.toHexString(),
    direction: m.direction,
    providerMessageId: m.providerMessageId ?? null,
    content: m.content as MessageContent,
    context: (m.context as MessageDTO['context']) ?? null,
    referral: (m.referral as MessageDTO['referral']) ?? null,
    status,
    statusTimestamps: {
      sent: iso(ts?.sent),
      delivered: iso(ts?.delivered),
      read: iso(ts?.read),
      failed: iso(ts?.failed),
    },
    error:
      failed && m.error
        ? {
            code: m.error.code ?? 0,
            title: m.error.title ?? null,
            message: m.error.message ?? null,
            details: m.error.details ?? null,
          }
        : null,
    failureReason: failed ? (m.failureReason ?? null) : null,
    attempts: m.attempts ?? 0,
    clientMessageId: m.clientMessageId ?? null,
    authorId: idOf(m.authorId),
    sentAt: m.sentAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
  };
}

function messageStatusOf(m: MessageDoc): MessageDTO['status'] {
  if (m.direction !== 'outbound') return 'received';
  if (m.outboxState === 'failed' || m.outboxState === 'dead') return m.outboxState;
  if (m.outboxState === 'queued') return 'queued';
  return statusOfRank(m.statusRank);
}
