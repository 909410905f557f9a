import type {
  AdReferral,
  ListMessagesQuery,
  MessageContent,
  MessageContext,
  MessageDTO,
  Page,
  ProviderError,
  whatsapp,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import { currentCorrelationId, inThreadOf, joinThread } from '../lib/correlation.js';
import { decodeCursor, encodeCursor, type Position } from '../lib/cursor.js';
import { keyedId } from '../lib/keyed-id.js';
import { arrivalMoment } from '../lib/arrival-clock.js';
import type { KeyedQueue } from '@switchboard/concurrency';
import { reasonForReportedError } from './provider-errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { ContactDoc } from '../models/contact.model.js';
import { toMessageDTO } from '../models/to-dto.js';
import type { Change, ConversationLog } from './conversation-log.js';
import type { ConversationService } from './conversation.service.js';
import { STATUS_RANK } from '../models/message-status.js';
import type { Viewer } from './viewer.js';
import { answersSurvey } from './survey-answers.js';

/** A customer's message as the inbox stores it, whatever shape WhatsApp sent it in. */
export type NormalizedMessage = {
  content: MessageContent;
  context: MessageContext | null;
  referral: AdReferral | null;
  preview: string;
};

export type InboundMessage = NormalizedMessage & {
  providerMessageId: string;
  channelId: Types.ObjectId;
  contact: ContactDoc;
  sentAt: Date;
};

export type StatusUpdate = {
  providerMessageId: string;
  status: whatsapp.DeliveryStatus;
  at: Date;
  error: ProviderError | null;
  /** Our message id, echoed back by WhatsApp from the send request. */
  callbackData?: string;
};

export type OutboundMessage = {
  key: string;
  conversation: ConversationDoc;
  content: MessageContent;
  context: MessageContext | null;
  authorId: Types.ObjectId | null;
  clientMessageId: string | null;
  requestHash: string;
  preview: string;
};

/** A message as an insert-once left it: `created` when this caller's insert stored it. */
type StoredMessage = { message: MessageDoc; created: boolean };

export class MessageService {
  constructor(
    private readonly models: Models,
    private readonly log: ConversationLog,
    private readonly conversations: ConversationService,
    private readonly documentLock: KeyedQueue,
  ) {}

  /**
   * Stores an inbound message once, however often WhatsApp delivers it, and announces it. Safe to repeat
   * after a crash at any step: every write is keyed, so a retry stores and announces what the first try
   * left undone (counting it is the storing writer's alone: see `publish`).
   */
  async recordInbound(input: InboundMessage): Promise<{ message: MessageDoc; conversation: ConversationDoc }> {
    const key = `wa:${input.providerMessageId}`;
    // With a conversation open, the insert itself tells a new message from a repeat. Without one, a repeat
    // has to be recognised first: opening a conversation for it would start one nobody wrote to.
    const open = await this.conversations.findOpen(input.contact._id, input.channelId);
    // Hot path: by _id.
    const known = open ? null : await this.models.Message.findById(keyedId('message', key));
    // Hot path: by _id, or opening one (see ConversationService.openFor; an index lookup on both databases).
    const conversation =
      open ??
      (known
        ? await this.models.Conversation.findById(known.conversationId).orFail()
        : await this.conversations.openFor(input.contact._id, input.channelId, input.sentAt, (last) =>
            answersSurvey(last, input.content),
          ));
    const stored = known
      ? { message: known, created: false }
      : await this.insertOnce({
          key,
          conversationId: conversation._id,
          channelId: input.channelId,
          contactId: input.contact._id,
          direction: 'inbound',
          providerMessageId: input.providerMessageId,
          type: input.content.type,
          content: input.content,
          context: input.context,
          referral: input.referral,
          sentAt: input.sentAt,
          correlationId: currentCorrelationId(),
        });
    // A repeat of a message from an earlier conversation stays in that one: announced, triaged and routed
    // there, if at all.
    // Hot path: by _id.
    const home = stored.message.conversationId.equals(conversation._id)
      ? conversation
      : await this.models.Conversation.findById(stored.message.conversationId).orFail();
    const current = await this.publish(home, stored, input.preview, input.contact);
    return { message: stored.message, conversation: current };
  }

  /**
   * Stores an outbound message (or a note) once per idempotency key and announces it. Sending is the
   * outbox's job; a note is never sent.
   */
  async queueOutbound(input: OutboundMessage): Promise<{ message: MessageDoc; created: boolean }> {
    const { conversation } = input;
    joinThread(conversation.lastInboundCorrelationId);
    const _id = keyedId('message', input.key);
    // Hot path: by _id.
    const existing = await this.models.Message.findById(_id);
    const stored = existing
      ? { message: existing, created: false }
      : await this.insertOnce({
          key: input.key,
          conversationId: conversation._id,
          channelId: conversation.channelId,
          contactId: conversation.contactId,
          direction: input.content.type === 'note' ? 'internal' : 'outbound',
          type: input.content.type,
          content: input.content,
          context: input.context,
          outboxState: input.content.type === 'note' ? null : 'queued',
          clientMessageId: input.clientMessageId,
          authorId: input.authorId,
          requestHash: input.requestHash,
          sentAt: new Date(),
          correlationId: conversation.lastInboundCorrelationId ?? currentCorrelationId(),
        });
    await this.publish(conversation, stored, input.preview);
    return stored;
  }

  /** WhatsApp took the message: remember its id, apply statuses that came early, announce. */
  async markAccepted(messageId: Types.ObjectId, providerMessageId: string, attempts: number): Promise<void> {
    await ignoreDuplicate(
      this.models.ProviderMessageRef.create({ _id: keyedId('provider', providerMessageId), messageId }),
    );
    // From here on statuses find the message; each waits for this step, so none is announced as queued.
    await this.inStatusOrder(messageId, async () => {
      // Hot path: by _id.
      await this.models.Message.updateOne(
        { _id: messageId },
        { $set: { providerMessageId, outboxState: 'accepted', attempts, failureReason: null, error: null } },
      );
      for (const status of Object.keys(STATUS_RANK) as whatsapp.DeliveryStatus[]) {
        // Hot path: by _id, one per status (an index lookup on both databases).
        const early = await this.models.DeliveryStatus.findById(statusRecordId(providerMessageId, status));
        if (early)
          await this.writeStatus(messageId, {
            status,
            at: early.at,
            error: (early.toObject().error as ProviderError | null) ?? null,
          });
      }
      // Hot path: by _id.
      await this.announceMessage(await this.models.Message.findById(messageId).orFail(), `accepted:${attempts}`);
    });
  }

  /** WhatsApp refused it (`failed`), or retries ran out (`dead`): say why, in words an agent can act on. */
  async markUndelivered(
    messageId: Types.ObjectId,
    state: 'failed' | 'dead',
    failure: { error: ProviderError | null; reason: string },
    attempts: number,
  ) {
    await this.inStatusOrder(messageId, async () => {
      // Hot path: by _id.
      const message = await this.models.Message.findByIdAndUpdate(
        messageId,
        { $set: { outboxState: state, error: failure.error, failureReason: failure.reason, attempts } },
        { new: true },
      ).orFail();
      await this.announceMessage(message, `${state}:${attempts}`);
    });
  }

  /** Back into the outbox (a supervisor's replay of a dead message). */
  async markRequeued(messageId: Types.ObjectId, replay: number): Promise<MessageDoc> {
    return this.inStatusOrder(messageId, async () => {
      const message = await this.models.Message.findByIdAndUpdate(
        messageId,
        { $set: { outboxState: 'queued', failureReason: null, error: null } },
        { new: true },
      ).orFail();
      await this.announceMessage(message, `requeued:${replay}`);
      return message;
    });
  }

  /**
   * One status change of a message at a time in this process, each announced with the state it left: two
   * interleaved ones could each read the message before the other's write, and the later-numbered push
   * would carry the older state (a `read` reply shown `delivered`, or `queued`, again).
   */
  private inStatusOrder<T>(messageId: Types.ObjectId, change: () => Promise<T>): Promise<T> {
    return this.documentLock.run(`message-status:${messageId.toHexString()}`, change);
  }

  /** `created`: true for the one caller whose insert stored it (a racing or repeated delivery finds it stored). */
  private async insertOnce(fields: Record<string, unknown> & { key: string }): Promise<StoredMessage> {
    const _id = keyedId('message', fields.key);
    try {
      const createdAt = arrivalMoment();
      return { message: await this.models.Message.create({ _id, ...fields, createdAt }), created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Hot path: by _id.
      return { message: await this.models.Message.findById(_id).orFail(), created: false };
    }
  }

  /**
   * Counts the message into its conversation, and announces both. Only the writer that stored the message
   * counts it: a redelivery, months later or in the same second, finds it stored and counts nothing. (A
   * crash between storing and counting leaves it uncounted: stored, listed and pushed, but not in the
   * conversation's count, last-message time and preview until the next message.) Returns the conversation
   * as last known.
   */
  private async publish(
    conversation: ConversationDoc,
    { message, created }: StoredMessage,
    preview: string,
    contact?: ContactDoc,
  ): Promise<ConversationDoc> {
    const counted =
      created && message.direction !== 'internal'
        ? await this.documentLock.run(conversation._id.toHexString(), (waited) =>
            this.count(conversation, message, preview, waited),
          )
        : null;
    // The message and the conversation it changed go into the log together, carrying the state the count
    // just wrote: no need to read it again.
    const cause = `message:${message._id.toHexString()}`;
    const current = counted ? { fresh: counted, contact } : undefined;
    await this.conversations.announce(conversation, cause, current, [messageChange(message, 'created')]);
    return counted ?? conversation;
  }

  /**
   * The count, last-message time, preview and reply moments, worked out from the conversation as the caller
   * read it and written only if the moments they depend on are still the stored ones (one write, usually).
   * If another writer moved them meanwhile, or this one queued behind another in this process, it works them
   * out again from a fresh read; the last try writes whatever it read, as a bound on a conversation that
   * never stops changing.
   */
  private async count(
    known: ConversationDoc,
    message: MessageDoc,
    preview: string,
    waited: boolean,
  ): Promise<ConversationDoc> {
    // Hot path: by _id.
    let basis = waited ? await this.models.Conversation.findById(known._id).orFail() : known;
    for (let attempt = 1; ; attempt++) {
      const unchanged = attempt < MAX_COUNT_ATTEMPTS ? momentsOf(basis) : {};
      // Hot path: by _id (an index lookup on both databases); the moments only check that one document.
      const counted = await this.models.Conversation.findOneAndUpdate(
        { _id: basis._id, ...unchanged },
        countIn(basis, message, preview),
        { new: true },
      );
      if (counted) return counted;
      // Hot path: by _id.
      basis = await this.models.Conversation.findById(known._id).orFail();
    }
  }

  /**
   * Applies a delivery status: recorded once, the status only moves forward (an atomic $max, so two statuses
   * applied at once cannot move it back), each step's time kept even when it arrives late. Returns false
   * when the message is not known (yet): the status waits for it.
   */
  /** Returns the conversation of the message it applied to, or null when no message of ours has that id (yet). */
  async applyStatus(update: StatusUpdate): Promise<Types.ObjectId | null> {
    const { DeliveryStatus, Message, ProviderMessageRef } = this.models;
    await ignoreDuplicate(
      DeliveryStatus.create({
        _id: statusRecordId(update.providerMessageId, update.status),
        ...update,
        recordedAt: new Date(),
      }),
    );
    if (update.callbackData && /^[a-f0-9]{24}$/.test(update.callbackData)) {
      await ignoreDuplicate(
        this.models.ProviderCallback.create({
          _id: keyedId('callback', update.callbackData),
          providerMessageId: update.providerMessageId,
        }),
      );
    }
    // Hot path: by _id.
    const ref = await ProviderMessageRef.findById(keyedId('provider', update.providerMessageId));
    if (!ref) return null;
    return this.inStatusOrder(ref.messageId, async () => {
      await this.writeStatus(ref.messageId, update);
      // Hot path: by _id.
      const updated = await Message.findById(ref.messageId).orFail();
      // Logged under the message's thread, so a reply's statuses line up with the customer message it answered.
      await inThreadOf(updated.correlationId, () => this.announceMessage(updated, `status:${update.status}`));
      return updated.conversationId;
    });
  }

  /** The status's step and time, raised with $max so no order of arrival moves the message back. */
  private async writeStatus(messageId: Types.ObjectId, update: Pick<StatusUpdate, 'status' | 'at' | 'error'>) {
    // The reported error goes in before the status moves, so whoever sees `failed` also sees why.
    if (update.error) {
      const failureReason = reasonForReportedError(update.error.code, update.error.title);
      // Hot path: by _id.
      await this.models.Message.updateOne({ _id: messageId }, { $set: { error: update.error, failureReason } });
    }
    // Hot path: by _id.
    await this.models.Message.updateOne(
      { _id: messageId },
      { $max: { statusRank: STATUS_RANK[update.status], [`statusTimestamps.${update.status}`]: update.at } },
    );
  }

  private announceMessage(message: MessageDoc, change: string) {
    return this.log.append(messageChange(message, change));
  }

  /**
   * Oldest to newest, in the order customers wrote them (WhatsApp's timestamps), not the order they arrived;
   * messages of the same second (WhatsApp counts in seconds) in the order they arrived.
   */
  async list(conversationId: string, query: ListMessagesQuery, viewer: Viewer): Promise<Page<MessageDTO>> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const docs = await this.models.Message.find({
      conversationId: conversation._id,
      ...(after ? pastPosition(after) : {}),
    })
      .sort({ sentAt: 1, createdAt: 1, _id: 1 })
      .limit(query.limit + 1);
    const page = docs.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toMessageDTO),
      nextCursor:
        docs.length > query.limit && last
          ? encodeCursor({
              at: last.sentAt.toISOString(),
              arrived: last.createdAt.toISOString(),
              id: last._id.toHexString(),
            })
          : null,
    };
  }
}

/** The messages after a page's last, in the list's order (sent, then arrived, then id). */
function pastPosition(after: Position) {
  const sentAt = new Date(after.at);
  const createdAt = after.arrived ? new Date(after.arrived) : null;
  return {
    $or: [
      { sentAt: { $gt: sentAt } },
      ...(createdAt
        ? [
            { sentAt, createdAt: { $gt: createdAt } },
            { sentAt, createdAt, _id: { $gt: new Types.ObjectId(after.id) } },
          ]
        : [{ sentAt, _id: { $gt: new Types.ObjectId(after.id) } }]),
    ],
  };
}

const statusRecordId = (providerMessageId: string, status: whatsapp.DeliveryStatus) =>
  keyedId('status', `${providerMessageId}:${status}`);

async function ignoreDuplicate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** Tries at counting a message in against a conversation that others keep changing (see `count`). */
const MAX_COUNT_ATTEMPTS = 5;

/** What counting a message in depends on: unchanged, the update worked out from them still holds. */
function momentsOf(conversation: ConversationDoc) {
  const { lastMessageAt, firstAgentReplyAt, lastAgentReplyAt, firstUnansweredAt } = conversation;
  return {
    lastMessageAt: lastMessageAt ?? null,
    firstAgentReplyAt: firstAgentReplyAt ?? null,
    lastAgentReplyAt: lastAgentReplyAt ?? null,
    firstUnansweredAt: firstUnansweredAt ?? null,
  };
}

/** The message counted into its conversation, as it stood in `basis`. */
function countIn(basis: ConversationDoc, message: MessageDoc, preview: string) {
  const newest = !basis.lastMessageAt || message.sentAt >= basis.lastMessageAt;
  return {
    $inc: { messageCount: 1 },
    $max: {
      lastMessageAt: message.sentAt,
      ...(message.direction === 'inbound' ? { lastInboundAt: message.sentAt } : {}),
    },
    $set: {
      ...(newest ? { lastMessagePreview: preview } : {}),
      ...replyMoments(basis, message),
      ...threadOf(message),
      ...latestInbound(basis, message),
    },
  };
}

/** The customer's newest message, which a read receipt names (it covers every message before it). */
function latestInbound(basis: ConversationDoc, message: MessageDoc) {
  const newest = !basis.lastInboundAt || message.sentAt >= basis.lastInboundAt;
  return message.direction === 'inbound' && newest && message.providerMessageId
    ? { lastInboundMessageId: message.providerMessageId }
    : {};
}

/**
 * What the SLA clocks read: an agent's reply answers everything that had arrived before it; a customer message
 * that arrived after the last reply starts the wait for the next one (its first such message, not its
 * follow-ups). Arrival, not WhatsApp's timestamp: that counts whole seconds, so a customer's "and the invoice?"
 * a moment after the reply carries a time before it, and a message WhatsApp delivered late was never seen.
 */
function replyMoments(conversation: ConversationDoc, message: MessageDoc): Record<string, Date | null> {
  if (message.direction === 'outbound' && message.authorId) {
    return {
      lastAgentReplyAt: message.sentAt,
      firstUnansweredAt: null,
      ...(conversation.firstAgentReplyAt ? {} : { firstAgentReplyAt: message.sentAt }),
    };
  }
  const arrived = message.createdAt ?? message.sentAt;
  const answered = conversation.lastAgentReplyAt && conversation.lastAgentReplyAt >= arrived;
  if (message.direction === 'inbound' && !conversation.firstUnansweredAt && !answered)
    return { firstUnansweredAt: message.sentAt };
  return {};
}

/** A customer message starts the thread that the conversation's next replies join (for logs). */
const threadOf = (message: MessageDoc) =>
  message.direction === 'inbound' && message.correlationId ? { lastInboundCorrelationId: message.correlationId } : {};

function messageChange(message: MessageDoc, change: string): Change {
  return {
    conversationId: message.conversationId,
    channelId: message.channelId,
    type: change === 'created' ? 'message:created' : 'message:status-updated',
    dedupeKey: `msg:${message._id.toHexString()}:${change}`,
    data: toMessageDTO(message),
  };
}
