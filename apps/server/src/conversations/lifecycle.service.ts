import { said, type ConversationDTO } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationSlots } from '../domain/conversation-slots.js';
import type { ConversationService } from '../domain/conversation.service.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { UserDoc } from '../models/user.model.js';
import type { AgentService, Assignments, RouterService } from '../routing/index.js';
import { actorName, recordAction } from './action-notes.js';

/**
 * Resolving and reopening, whole: the conversation's state and its slot (one open conversation per
 * customer and number), the agent's capacity, the timeline entry and the pushed update.
 */
export class ConversationLifecycle {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly slots: ConversationSlots,
    private readonly router: RouterService,
    private readonly assignments: Assignments,
    private readonly agents: AgentService,
    private readonly timeline: TimelineWriter,
  ) {}

  /** Resolving frees the agent's capacity at once. */
  async resolve(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    if (conversation.status === 'resolved') throw new AppError('CONFLICT', 'the conversation is resolved already');
    const now = new Date();
    const resolved = await this.models.Conversation.findByIdAndUpdate(
      conversation._id,
      { $set: { status: 'resolved', resolvedAt: now, openKey: conversation._id.toHexString() } },
      { new: true },
    ).orFail();
    await this.slots.point(this.slots.idOf(conversation.contactId, conversation.channelId), conversation._id, false);
    const announced = await this.conversations.announce(resolved, `resolved:${now.getTime()}`);
    const current = await this.models.Conversation.findById(id).orFail();
    await this.assignments.release(current, null);
    const actor = await actorName(this.models, viewer.userId);
    await this.timeline.add(current, `resolved:${announced.resolvedAt}`, {
      kind: 'resolved',
      ...summarized(said(`Resolved by ${actor}`, 'timeline.resolved', { actor })),
      details: {},
      actorId: viewer.userId,
    });
    return announced;
  }

  /**
   * Reopens a resolved conversation, unless the customer has a newer open one on this number (the conflict
   * names it). The rule: an agent who reopens it keeps it when they have a free capacity slot; otherwise (a
   * supervisor or admin, or an agent at capacity) it is routed like a new one, to its queue.
   */
  async reopen(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.open(await this.conversations.findVisible(id, viewer));
    const me = await this.models.User.findById(viewer.userId).orFail();
    const kept = me.role === 'agent' && (await this.keepWith(conversation, me));
    const load = kept ? await this.agents.load(me._id) : 0;
    const summary = kept
      ? said(`Reopened by ${me.name}, who keeps it (${load}/${me.capacity} open)`, 'timeline.reopened-kept', {
          actor: me.name,
          load,
          capacity: me.capacity,
        })
      : said(`Reopened by ${me.name}; routed like a new conversation`, 'timeline.reopened-routed', { actor: me.name });
    await recordAction(
      { timeline: this.timeline, conversations: this.conversations },
      conversation,
      'reopened',
      summary,
      { keptBy: kept ? me.id : null },
      viewer,
    );
    if (!kept) await this.router.route(conversation._id);
    return this.conversations.current(id);
  }

  private async open(conversation: ConversationDoc): Promise<ConversationDoc> {
    if (conversation.status === 'open') throw new AppError('CONFLICT', 'the conversation is open already');
    const slotId = this.slots.idOf(conversation.contactId, conversation.channelId);
    const openKey = this.slots.openKeyOf(conversation.contactId, conversation.channelId);
    const slot = await this.slots.find(slotId);
    if (slot?.open && !slot.conversationId.equals(conversation._id)) throw newerOpenConflict(slot.conversationId);
    try {
      const reopened = await this.models.Conversation.findByIdAndUpdate(
        conversation._id,
        { $set: { status: 'open', openKey, openedAt: new Date(), resolvedAt: null } },
        { new: true },
      ).orFail();
      await this.slots.point(slotId, conversation._id, true);
      return reopened;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw newerOpenConflict((await this.slots.heal(slotId, openKey))?._id ?? null);
    }
  }

  /** Takes a routing turn like any router, so the assignment cannot clash with one in progress. */
  private async keepWith(conversation: ConversationDoc, agent: UserDoc): Promise<boolean> {
    const turn = await this.assignments.begin(conversation);
    if (!turn) return false;
    try {
      return (await this.assignments.assign(turn, agent)) !== null;
    } finally {
      await this.assignments.end(turn);
    }
  }
}

const newerOpenConflict = (id: Types.ObjectId | null) =>
  new AppError(
    'CONFLICT',
    `the customer has a newer open conversation${id ? ` (${id.toHexString()})` : ''} on this number; continue there`,
  );
