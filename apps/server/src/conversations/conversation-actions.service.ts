import { randomUUID } from 'node:crypto';
import type { ConversationDTO, EscalateRequest, LabelsRequest } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { UserDoc } from '../models/user.model.js';
import type { AgentService } from '../routing/agents.service.js';
import type { Assignments } from '../routing/assignment.js';
import type { RouterService } from '../routing/router.service.js';
import type { TimelineService } from '../domain/timeline.js';
import { actorName } from './action-notes.js';

/**
 * What agents do to a conversation besides routing it: labels, escalation to supervisors, reopening.
 * Each action is one timeline entry naming who did it, and one pushed update.
 */
export class ConversationActions {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly router: RouterService,
    private readonly assignments: Assignments,
    private readonly agents: AgentService,
    private readonly timeline: TimelineService,
  ) {}

  /** Replaces the labels (unique, sorted); the same labels again change nothing. */
  async setLabels(id: string, request: LabelsRequest, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    const labels = [...new Set(request.labels)].sort();
    const before = [...(conversation.labels ?? [])];
    if (labels.join('\u0000') === before.join('\u0000')) return this.conversations.current(id);
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { labels } });
    const added = labels.filter((l) => !before.includes(l));
    const removed = before.filter((l) => !labels.includes(l));
    const changes = [...added.map((l) => `+${l}`), ...removed.map((l) => `-${l}`)].join(', ');
    return this.record(conversation, 'labels-changed', `Labels changed by ${await actorName(this.models, viewer.userId)}: ${changes}`, { labels, added, removed }, viewer);
  }

  /**
   * Flags the conversation for supervisors and makes it urgent (the top priority, so it only ever goes up).
   * Supervisors see every conversation live, so the pushed update and its timeline entry reach them.
   */
  async escalate(id: string, { reason }: EscalateRequest, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    if (conversation.status !== 'open') throw new AppError('CONFLICT', 'only an open conversation can be escalated');
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { escalatedAt: new Date(), priority: 'urgent' } });
    const name = await actorName(this.models, viewer.userId);
    return this.record(conversation, 'escalated', `Escalated by ${name}: ${reason}`, { reason, priorityBefore: conversation.priority, priority: 'urgent' }, viewer);
  }

  /**
   * Reopens a resolved conversation. The rule: an agent who reopens it keeps it when they have a free
   * capacity slot; otherwise (a supervisor or admin, or an agent at capacity) it is routed like a new one,
   * to its queue.
   */
  async reopen(id: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.reopen(await this.conversations.findVisible(id, viewer));
    const me = await this.models.User.findById(viewer.userId).orFail();
    const kept = me.role === 'agent' && (await this.keepWith(conversation, me));
    const summary = kept
      ? `Reopened by ${me.name}, who keeps it (${await this.agents.load(me._id)}/${me.capacity} open)`
      : `Reopened by ${me.name}; routed like a new conversation`;
    await this.record(conversation, 'reopened', summary, { keptBy: kept ? me.id : null }, viewer);
    if (!kept) await this.router.route(conversation._id);
    return this.conversations.current(id);
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

  private async record(conversation: ConversationDoc, kind: 'labels-changed' | 'escalated' | 'reopened', summary: string, details: Record<string, unknown>, viewer: Viewer) {
    const step = `${kind}:${randomUUID()}`;
    await this.timeline.add(conversation, step, { kind, summary, details, actorId: viewer.userId });
    return this.conversations.announce(conversation, step);
  }
}
