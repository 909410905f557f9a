import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type { Types } from 'mongoose';
import type {
  ChannelSendHealthDTO,
  ConversationEventDTO,
  MentionDTO,
  QueueStateDTO,
  SlaAlert,
} from '@switchboard/shared';
import type { ConversationDoc } from '../models/conversation.model.js';

type DomainEventMap = {
  /** A conversation changed; the audience decides who may see it (see Viewer.canSee). */
  'conversation.changed': [event: ConversationEventDTO, audience: ConversationAudience];
  /** A conversation's state as a change just left it, announced by this process (its SLA timers follow it). */
  'conversation.saved': [conversation: ConversationDoc];
  /** A user's role, channels or active flag changed: their live subscriptions must follow. */
  'user.access-changed': [userId: string];
  /** A message entered the outbox: this process's senders take it by its id. */
  'outbox.queued': [item: QueuedOutboxItem];
  /** A user's sessions ended (their password was reset): their open sockets close. */
  'user.sessions-ended': [userId: string];
  /** An SLA warning, breach or escalation for someone to act on. */
  'sla.alert': [alert: SlaAlert];
  /** An SLA target ended because it was fulfilled: in time (`met`), or late though its breach was never recorded. */
  'sla.settled': [settled: SlaSettledEvent];
  /** The queues' live state changed (waiting counts, agents' status and load): supervisors see it. */
  'queues.changed': [state: QueueStateDTO[]];
  /** A template changed: a new version, or where WhatsApp's review of it stands. */
  'templates.changed': [templateId: string];
  /** Canned replies changed: a personal list (its owner's id) or the shared one (null). */
  'canned.changed': [ownerId: string | null];
  /** A contact's profile changed (an edit or a merge); `fields` names what changed (`tier`, `attribute:plan`). */
  'contact.changed': [contactId: string, fields: string[]];
  /** A user was named in a note. */
  'mention.created': [mention: MentionDTO, userId: string];
  /** A user read mentions (on one device): their other devices follow. */
  'mentions.read': [userId: string, unreadCount: number];
  /** A number stopped sending, is retrying, or sends again (its outbound breaker changed). */
  'channel.send-health-changed': [health: ChannelSendHealthDTO];
};

/** What a sender needs to take a new outbox item without looking for it: its id and whom it goes to. */
/** `to`: the customer's phone number, or their business-scoped user id when WhatsApp withholds the number. */
export type QueuedOutboxItem = { id: Types.ObjectId; channelId: Types.ObjectId; to: string; createdAt: Date };

export type SlaSettledEvent = {
  conversationId: string;
  kind: 'first_response' | 'next_response' | 'resolution';
  outcome: 'met' | 'late';
  /** When it was fulfilled: the reply, or the resolve. */
  at: Date;
};

/** Who sees a conversation: its channel, the queue it waits in, its assignee (see Viewer.canSee). */
export type Audience = { queueId: string | null; assigneeId: string | null };

/**
 * Who sees a change: the conversation's audience when it was made, and, for a change held back and
 * announced with later ones (see `DomainEvents.gather`), `also` the audience the conversation had by then.
 */
export type ConversationAudience = Audience & { channelId: string; also?: Audience };

/**
 * The changes a `gather` holds, each with the context it was announced in (its request and thread, which
 * the listeners' log lines carry). `open` until the gathered work ends: work it left running (a listener's
 * follow-up, such as an SLA sync) still runs in this store, and must announce on its own from then on.
 */
type Held = {
  open: boolean;
  changes: [event: ConversationEventDTO, audience: ConversationAudience, context: RunInContext][];
};
type RunInContext = <R>(fn: () => R) => R;

/** Services announce what happened here; listeners/ reacts (socket pushes, SLA timers, outbox, metrics). */
export class DomainEvents extends EventEmitter<DomainEventMap> {
  private readonly holding = new AsyncLocalStorage<Held>();

  /** Announces a conversation change now, or, inside `gather`, when the gathered work ends. */
  announceChange(event: ConversationEventDTO, audience: ConversationAudience): void {
    const held = this.holding.getStore();
    if (held?.open) held.changes.push([event, audience, AsyncLocalStorage.snapshot()]);
    else this.emit('conversation.changed', event, audience);
  }

  /**
   * Runs `work`, holding the conversation changes it announces until it ends (however it ends: what it
   * stored is announced). Each held change then goes also to whoever sees its conversation by the end: a
   * customer's first message, stored before triage and routing gave its conversation a queue and an agent,
   * reaches that queue's agents with the rest, in order, instead of leaving them a gap to fetch. Work
   * inside work already gathering joins it.
   */
  async gather<T>(work: () => Promise<T>): Promise<T> {
    if (this.holding.getStore()?.open) return work();
    const held: Held = { open: true, changes: [] };
    try {
      return await this.holding.run(held, work);
    } finally {
      this.release(held);
    }
  }

  private release(held: Held): void {
    held.open = false;
    const last = new Map<string, ConversationAudience>();
    for (const [event, audience] of held.changes) last.set(event.conversationId, audience);
    for (const [event, audience, inContext] of held.changes) {
      const { queueId, assigneeId } = last.get(event.conversationId)!;
      const moved = queueId !== audience.queueId || assigneeId !== audience.assigneeId;
      const to = moved ? { ...audience, also: { queueId, assigneeId } } : audience;
      inContext(() => this.emit('conversation.changed', event, to));
    }
  }
}
