import { randomUUID } from 'node:crypto';
import { said, type ConversationDTO, type SnoozeRequest } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import type { WorkLeases } from '../domain/work-leases.js';
import { retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { MessageDoc } from '../models/message.model.js';
import { summarized, type TimelineEntry, type TimelineWriter } from '../domain/timeline-writer.js';
import { actorName, readableMoment } from './action-notes.js';

const MAX_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;
const CLAIM_CANDIDATES = 8;
/** A wake claimed this long ago by a process that never finished it (it died) may be taken over. */
const ABANDONED_WAKE_MS = 60_000;

const snoozeIdOf = (conversationId: Types.ObjectId) => keyedId('snooze', conversationId.toHexString());
const wakeIdOf = (key: string) => keyedId('snooze-wake', key);

/** The snooze being ended: its key names the wake, `until` tells whether the conversation still holds it. */
type Ending = { key: string; until: Date };

/**
 * Snoozing hides an open conversation from its agent's active list until a time; it keeps its assignee.
 * It ends once, whichever comes first: the time (a background check any process may run: each wake is
 * claimed by an insert), the customer writing, or an agent unsnoozing. All three write under the same
 * name in the timeline, so racing endings record one entry and push one update.
 */
export class SnoozeService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly timeline: TimelineWriter,
    private readonly wakes: WorkLeases,
  ) {}

  async snooze(id: string, request: SnoozeRequest, viewer: Viewer): Promise<ConversationDTO> {
    const until = untilOf(request);
    const conversation = await this.conversations.findVisible(id, viewer);
    if (conversation.status !== 'open')
      throw new AppError('CONFLICT', 'only an open conversation can be snoozed; reopen it first');
    const key = randomUUID();
    await retryOnDuplicateKey(() =>
      this.models.Snooze.updateOne(
        { _id: snoozeIdOf(conversation._id) },
        { $set: { conversationId: conversation._id, key, until, snoozedAt: new Date(), snoozedBy: viewer.userId } },
        { upsert: true },
      ),
    );
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { snoozedUntil: until } });
    const actor = await actorName(this.models, viewer.userId);
    await this.timeline.add(conversation, `snoozed:${key}`, {
      kind: 'snoozed',
      ...summarized(
        said(`Snoozed by ${actor} until ${readableMoment(until)}`, 'timeline.snoozed', {
          actor,
          until: until.toISOString(),
        }),
      ),
      details: { until: until.toISOString() },
      actorId: viewer.userId,
    });
    return this.conversations.announce(conversation, `snoozed:${key}`);
  }

  /** Ends the snooze now; unsnoozing a conversation that is not snoozed changes nothing. */
  async unsnooze(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    const snooze = await this.models.Snooze.findById(snoozeIdOf(conversation._id));
    // A snoozedUntil without its snooze document is what a crash between the two writes leaves.
    const ending =
      snooze ??
      (conversation.snoozedUntil
        ? { key: `orphan:${conversation.snoozedUntil.getTime()}`, until: conversation.snoozedUntil }
        : null);
    if (ending) {
      const name = await actorName(this.models, viewer.userId);
      await this.end(conversation._id, ending, {
        kind: 'unsnoozed',
        ...summarized(said(`Unsnoozed by ${name}`, 'timeline.unsnoozed', { actor: name })),
        details: { reason: 'agent' },
        actorId: viewer.userId,
      });
    }
    return this.conversations.current(id);
  }

  /** Wakes one conversation whose time has come; false when none is due. */
  async wakeDue(): Promise<boolean> {
    const due = await this.models.Snooze.find({ until: { $lte: new Date() } })
      .sort({ until: 1 })
      .limit(CLAIM_CANDIDATES);
    for (const snooze of due) {
      if (!(await this.wakes.take(wakeIdOf(snooze.key), 1, ABANDONED_WAKE_MS))) continue;
      await this.end(snooze.conversationId, snooze, {
        kind: 'woke',
        ...summarized(
          said(`Woke: snoozed until ${readableMoment(snooze.until)}`, 'timeline.woke-on-time', {
            until: snooze.until.toISOString(),
          }),
        ),
        details: { reason: 'time', until: snooze.until.toISOString() },
        actorId: null,
      });
      await this.wakes.release(wakeIdOf(snooze.key), 1);
      return true;
    }
    return false;
  }

  /**
   * A customer message wakes its conversation early (a message stored before the snooze, redelivered, does not).
   * `conversation`: as storing the message left it; one that is not snoozed needs no look at the snoozes.
   */
  async onInbound(message: MessageDoc, conversation: ConversationDoc): Promise<void> {
    if (!conversation.snoozedUntil) return;
    // Hot path: by _id.
    const snooze = await this.models.Snooze.findById(snoozeIdOf(message.conversationId));
    if (!snooze || message.createdAt < snooze.snoozedAt) return;
    await this.end(message.conversationId, snooze, {
      kind: 'woke',
      ...summarized(said('Woke: the customer wrote', 'timeline.woke-customer-wrote', {})),
      details: { reason: 'customer', until: snooze.until.toISOString(), messageId: message.id },
      actorId: null,
    });
  }

  /**
   * Clears the snooze if the conversation still holds this one (an agent may have snoozed it again since),
   * notes it and pushes the change. Safe to repeat: a retry after a crash finishes what was left undone.
   */
  private async end(conversationId: Types.ObjectId, ending: Ending, note: TimelineEntry): Promise<void> {
    // Hot path: by _id.
    const cleared = await this.models.Conversation.updateOne(
      { _id: conversationId, snoozedUntil: ending.until },
      { $set: { snoozedUntil: null } },
    );
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(conversationId);
    const snoozedAgain = cleared.matchedCount === 0 && conversation?.snoozedUntil;
    if (conversation && !snoozedAgain) {
      // A resolved conversation has nobody to wake: its snooze just lapses.
      if (conversation.status === 'open') await this.timeline.add(conversation, `snooze-ended:${ending.key}`, note);
      await this.conversations.announce(conversation, `snooze-ended:${ending.key}`);
    }
    // Hot path: by _id.
    await this.models.Snooze.deleteOne({ _id: snoozeIdOf(conversationId), key: ending.key });
  }
}

/** The snooze must end in the future, within 30 days; the error names the field. */
function untilOf(request: SnoozeRequest): Date {
  const until = new Date(request.until);
  const problem =
    until.getTime() <= Date.now()
      ? 'must be in the future'
      : until.getTime() - Date.now() > MAX_SNOOZE_MS
        ? 'must be at most 30 days from now'
        : null;
  if (problem)
    throw new AppError('VALIDATION_FAILED', `the request body is invalid`, [{ path: 'body.until', message: problem }]);
  return until;
}
