import type { Types } from 'mongoose';
import type { Config } from '../lib/config.js';
import type { MessageService } from '../domain/message.service.js';
import { keyedId } from '../lib/keyed-id.js';
import { withCorrelation } from '../lib/correlation.js';
import type { Logger } from '../lib/logger.js';
import { PollingLoop } from '../lib/polling-loop.js';
import type { Models } from '../models/index.js';
import type { OutboxItemDoc } from '../models/outbox.model.js';
import type { ChannelBreakers } from './channel-breaker.js';
import { credentialsOf } from './channel-credentials.js';
import { addresseeOf, type CloudApiSendRequest } from './cloud-api.schema.js';
import { deadLetterReason, type ProviderFailure } from '../domain/provider-errors.js';
import type { QueuedOutboxItem } from '../domain/domain-events.js';
import { OutboxHandoff } from './outbox-handoff.js';
import { nextRetryDelayMs } from './retry-backoff.js';
import { OPTED_OUT_REASON } from './send.service.js';
import type { SendRateLimits } from './send-rate-limits.js';
import type { WhatsAppClient } from './whatsapp-client.js';

type Deps = {
  models: Models;
  messages: MessageService;
  client: WhatsAppClient;
  breakers: ChannelBreakers;
  rateLimits: SendRateLimits;
  config: Config;
  logger: Logger;
};

const CLAIM_CANDIDATES = 8;
const RECONCILE_CHECK_MS = 2000;
const POLL_MS = 500;

/** Free to take: pending and due, or in flight under a lease that ran out (its worker died mid-call). */
const freeAt = (now: Date) => ({
  $or: [
    { state: 'pending', nextAttemptAt: { $lte: now } },
    { state: 'in_flight', leaseUntil: { $lt: now } },
  ],
});

/**
 * Hands queued messages to WhatsApp, each exactly once:
 * - every try is claimed by a conditional update of its item that sets its lease, so several processes share
 *   the outbox safely;
 * - a try whose outcome is unknown (no answer, or the process died mid-call) is reconciled before any
 *   resend: the status webhooks echo our message id, and one arriving proves the message went out;
 * - failures that can pass are retried with backoff; permanent ones fail at once with the reason; a
 *   message out of retries is dead-lettered for a supervisor to replay.
 */
export class OutboxWorker {
  private readonly loop: PollingLoop;
  private readonly handoff = new OutboxHandoff();
  /** A scan that found nothing is not repeated before this (ms since epoch): wake-ups take handed items by id. */
  private nextScanAt = 0;

  constructor(private readonly deps: Deps) {
    this.loop = new PollingLoop({
      concurrency: deps.config.OUTBOX_CONCURRENCY,
      pollMs: POLL_MS,
      step: () => this.step(),
      logger: deps.logger,
      name: 'outbox',
    });
  }

  start = () => this.loop.start();
  stop = () => this.loop.stop();
  kick = () => this.loop.kick();
  breakerState = (channelId: string) => this.deps.breakers.state(channelId);

  /** An item this process just queued: a sender takes it by its id (OUTBOX_HANDOFF off: wakes them to scan). */
  handOff = (item: QueuedOutboxItem) => {
    if (!this.deps.config.OUTBOX_HANDOFF) return this.loop.kick();
    this.handoff.add(item);
    this.loop.kickOne();
  };

  private async step(): Promise<boolean> {
    const handed = this.deps.config.OUTBOX_HANDOFF ? this.handoff.take() : null;
    if (handed) {
      try {
        const item = await this.claimHanded(handed);
        if (item)
          await withCorrelation({ correlationId: item.correlationId ?? item.id }, () => this.handle(item, false));
      } finally {
        this.handoff.release(handed);
      }
      return true;
    }
    // The scan finds what was not handed over (other processes' items, retries, a dead worker's leases): at
    // most once per poll while it finds nothing, not on every wake-up.
    if (this.deps.config.OUTBOX_HANDOFF && Date.now() < this.nextScanAt) return false;
    const claimed = await this.claim();
    this.nextScanAt = claimed ? 0 : Date.now() + POLL_MS;
    if (!claimed) return false;
    const { item, interrupted } = claimed;
    await withCorrelation({ correlationId: item.correlationId ?? item.id }, () => this.handle(item, interrupted));
    return true;
  }

  /**
   * Takes a handed item by its `_id` (an index on MongoDB and on the embedded database), if it is still
   * pending and due and nothing older to its recipient is still to be sent; otherwise the scan takes it in
   * its turn.
   */
  private async claimHanded(handed: QueuedOutboxItem): Promise<OutboxItemDoc | null> {
    if (await this.waitsBehind({ ...handed, _id: handed.id })) return null;
    const now = new Date();
    const leaseMs = this.deps.config.OUTBOX_LEASE_SECONDS * 1000;
    return this.deps.models.Outbox.findOneAndUpdate(
      { _id: handed.id, state: 'pending', nextAttemptAt: { $lte: now } },
      { $set: { state: 'in_flight', leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
      { new: true },
    );
  }

  /**
   * The next due item; `interrupted` when its last try's lease ran out mid-call (its outcome is unknown). */
  private async claim(): Promise<{ item: OutboxItemDoc; interrupted: boolean } | null> {
    const now = new Date();
    // Hot path: bounded — the { state, nextAttemptAt } index on MongoDB; on the embedded database a scan of the
    // outbox, which holds only work still to send and unreplayed dead items (the backlog, not history), and runs
    // per poll, not per reply.
    const due = await this.deps.models.Outbox.find(freeAt(now)).sort({ nextAttemptAt: 1 }).limit(CLAIM_CANDIDATES);
    const leaseMs = this.deps.config.OUTBOX_LEASE_SECONDS * 1000;
    for (const candidate of due) {
      if (
        await this.waitsBehind({ ...candidate.toObject(), to: addresseeOf(candidate.request as CloudApiSendRequest) })
      )
        continue;
      // One conditional update, atomic on the database: it takes the item only if it is still free and as
      // read (its attempts unchanged), so of all workers in all processes exactly one gets each try.
      // Hot path: by _id.
      const item = await this.deps.models.Outbox.findOneAndUpdate(
        { _id: candidate._id, attempts: candidate.attempts, ...freeAt(now) },
        {
          $set: {
            state: 'in_flight',
            attempts: candidate.attempts + 1,
            leaseUntil: new Date(now.getTime() + leaseMs),
            ...(candidate.state === 'in_flight' && !candidate.unknownSince ? { unknownSince: now } : {}),
          },
        },
        { new: true },
      );
      if (item) return { item, interrupted: candidate.state === 'in_flight' };
    }
    return null;
  }

  /**
   * A customer reads replies in the order they were written: a message waits while an older one to the same
   * customer on the same number is still to be sent (being retried, or held by the rate limit). A dead one
   * holds nothing back. Once per claim. On MongoDB a scan of the outbox's pending items (an index on
   * { channelId, request.to } would make it a lookup); on the embedded database a scan of the outbox, which
   * holds only work still to send: bounded by the backlog, not by history.
   */
  private async waitsBehind(item: {
    _id: Types.ObjectId;
    channelId: Types.ObjectId;
    /** The customer's phone number, or their business-scoped user id when WhatsApp withholds the number. */
    to: string;
    createdAt: Date;
  }): Promise<boolean> {
    // Hot path (per reply): bounded, as said above. A line per recipient kept by _id (keyedId('outbox-line',
    // channel:to), naming its unsent items in order) would make it by _id.
    const older = await this.deps.models.Outbox.exists({
      channelId: item.channelId,
      state: { $in: ['pending', 'in_flight'] },
      $and: [
        { $or: [{ 'request.to': item.to }, { 'request.recipient': item.to }] },
        { $or: [{ createdAt: { $lt: item.createdAt } }, { createdAt: item.createdAt, _id: { $lt: item._id } }] },
      ],
    });
    return older !== null;
  }

  private async handle(item: OutboxItemDoc, interrupted: boolean): Promise<void> {
    const { models, messages } = this.deps;
    // Hot path: by _id.
    const message = await models.Message.findById(item._id);
    if (!message || message.outboxState !== 'queued') return this.finish(item);
    // Hot path: by _id.
    if (!item.confirmsConsentChange && (await models.Contact.findById(message.contactId, { optedOut: 1 }))?.optedOut) {
      // Queued before the customer's STOP (or held by an outage through it): it must not go out after it.
      await messages.markUndelivered(item._id, 'failed', { error: null, reason: OPTED_OUT_REASON }, item.attempts);
      return this.finish(item);
    }

    if (item.unknownSince) {
      // Hot path: by _id.
      const proof = await models.ProviderCallback.findById(keyedId('callback', item._id.toHexString()));
      if (proof) {
        this.deps.logger.info(
          { messageId: item.id, interrupted },
          'reconciled a send whose answer was lost: it had reached WhatsApp',
        );
        await messages.markAccepted(item._id, proof.providerMessageId, item.attempts);
        return this.finish(item);
      }
      const waitedMs = Date.now() - item.unknownSince.getTime();
      if (waitedMs < this.deps.config.OUTBOX_RECONCILE_SECONDS * 1000) return this.retryAt(item, RECONCILE_CHECK_MS);
    }

    // Hot path: by _id.
    const channel = await models.Channel.findById(item.channelId).orFail();
    const request = item.request as CloudApiSendRequest;
    const slot = await this.deps.rateLimits.reserve(channel.phoneNumberId, addresseeOf(request));
    if (!slot.ok) return this.retryAt(item, slot.retryAfterMs);

    // A call made while the breaker is not closed is its probe: WhatsApp is down for everyone, not for this reply.
    const probe = this.deps.breakers.state(item.channelId.toHexString()) !== 'closed';
    const outcome = await this.deps.breakers.execute(item.channelId.toHexString(), () =>
      this.deps.client.sendMessage(credentialsOf(channel, this.deps.config), {
        ...request,
        biz_opaque_callback_data: item._id.toHexString(),
      }),
    );
    if (outcome.ok) {
      this.deps.logger.info({ messageId: item.id, attempts: item.attempts }, 'message sent: WhatsApp accepted it');
      await messages.markAccepted(item._id, outcome.providerMessageId, item.attempts);
      return this.finish(item);
    }
    if (outcome.failure.kind !== 'outcomeUnknown')
      await this.deps.rateLimits.refund(channel.phoneNumberId, addresseeOf(request));
    return this.failed(item, outcome.failure, probe);
  }

  private async failed(item: OutboxItemDoc, failure: ProviderFailure, probe = false): Promise<void> {
    const { messages, logger, config } = this.deps;
    const error = { code: failure.code ?? 0, title: failure.title, message: failure.details, details: failure.details };
    logger.warn(
      { messageId: item.id, kind: failure.kind, code: failure.code, httpStatus: failure.httpStatus },
      'send failed',
    );
    if (failure.kind === 'permanent') {
      await messages.markUndelivered(item._id, 'failed', { error, reason: failure.reason }, item.attempts);
      return this.finish(item);
    }
    if (failure.kind === 'outcomeUnknown') return this.retryAt(item, RECONCILE_CHECK_MS, new Date(), failure.reason);
    // A failed probe reopens the breaker; counting it would let an outage spend a reply's retries and dead-letter it.
    if (failure.notAttempted || (probe && failure.outage))
      return this.retryAt(item, failure.retryAfterMs ?? RECONCILE_CHECK_MS, null, failure.reason);
    const failures = item.failures + 1;
    if (failures >= config.OUTBOX_MAX_FAILURES) {
      // Not the retryable failure's own reason: that one promises the reply goes out by itself.
      const reason = deadLetterReason(failure, failures);
      // Hot path: by _id.
      await this.deps.models.Outbox.updateOne(
        { _id: item._id },
        { $set: { state: 'dead', failures, lastFailure: reason, leaseUntil: null, nextAttemptAt: new Date() } },
      );
      await messages.markUndelivered(item._id, 'dead', { error, reason }, item.attempts);
      return;
    }
    // Hot path: by _id.
    await this.deps.models.Outbox.updateOne({ _id: item._id }, { $set: { failures } });
    return this.retryAt(
      item,
      nextRetryDelayMs(failures, { retryAfterMs: failure.retryAfterMs, baseMs: this.deps.config.OUTBOX_RETRY_BASE_MS }),
      null,
      failure.reason,
    );
  }

  /** Back to pending after `delayMs`. `unknownSince`: a Date when the outcome is now unknown, null when it is known, undefined to keep it. */
  private async retryAt(item: OutboxItemDoc, delayMs: number, unknownSince?: Date | null, lastFailure?: string) {
    // Hot path: by _id.
    await this.deps.models.Outbox.updateOne(
      { _id: item._id },
      {
        $set: {
          state: 'pending',
          nextAttemptAt: new Date(Date.now() + delayMs),
          leaseUntil: null,
          ...(unknownSince === undefined ? {} : { unknownSince }),
          ...(lastFailure === undefined ? {} : { lastFailure }),
        },
      },
    );
  }

  private async finish(item: OutboxItemDoc) {
    // Hot path: by _id.
    await this.deps.models.Outbox.deleteOne({ _id: item._id });
  }
}
