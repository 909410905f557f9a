import { EventEmitter } from 'node:events';
import type { ConversationEventDTO, MentionDTO, QueueStateDTO, SlaAlert } from '@switchboard/shared';
import type { ConversationDoc } from '../models/conversation.model.js';

type DomainEventMap = {
  /** A conversation changed; the audience decides who may see it (see Viewer.canSee). */
  'conversation.changed': [event: ConversationEventDTO, audience: ConversationAudience];
  /** A conversation's state as a change just left it, announced by this process (its SLA timers follow it). */
  'conversation.saved': [conversation: ConversationDoc];
  /** A user's role, channels or active flag changed: their live subscriptions must follow. */
  'user.access-changed': [userId: string];
  /** A message entered the outbox: senders wake up. */
  'outbox.queued': [];
  /** An SLA warning, breach or escalation for someone to act on. */
  'sla.alert': [alert: SlaAlert];
  /** An SLA target ended because it was fulfilled: in time (`met`), or late though its breach was never recorded. */
  'sla.settled': [settled: SlaSettledEvent];
  /** The queues' live state changed (waiting counts, agents' status and load): supervisors see it. */
  'queues.changed': [state: QueueStateDTO[]];
  /** Canned replies changed: a personal list (its owner's id) or the shared one (null). */
  'canned.changed': [ownerId: string | null];
  /** A contact's profile changed (an edit or a merge); `fields` names what changed (`tier`, `attribute:plan`). */
  'contact.changed': [contactId: string, fields: string[]];
  /** A user was named in a note. */
  'mention.created': [mention: MentionDTO, userId: string];
  /** A user read mentions (on one device): their other devices follow. */
  'mentions.read': [userId: string, unreadCount: number];
};

export type SlaSettledEvent = {
  conversationId: string;
  kind: 'first_response' | 'next_response' | 'resolution';
  outcome: 'met' | 'late';
  /** When it was fulfilled: the reply, or the resolve. */
  at: Date;
};

export type ConversationAudience = { channelId: string; queueId: string | null; assigneeId: string | null };

/** Services announce what happened here; listeners/ reacts (socket pushes, SLA timers, outbox, metrics). */
export class DomainEvents extends EventEmitter<DomainEventMap> {}
