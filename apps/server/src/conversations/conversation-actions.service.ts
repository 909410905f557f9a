import { said, type ConversationDTO, type EscalateRequest, type LabelsRequest, type Said } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { TimelineWriter } from '../domain/timeline-writer.js';
import { actorName, recordAction } from './action-notes.js';

/**
 * What agents do to a conversation besides routing, resolving and snoozing it: labels, and escalation to
 * supervisors. Each action is one timeline entry naming who did it, and one pushed update.
 */
export class ConversationActions {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly timeline: TimelineWriter,
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
    const actor = await actorName(this.models, viewer.userId);
    return this.record(
      conversation,
      'labels-changed',
      said(`Labels changed by ${actor}: ${changes}`, 'timeline.labels-changed', { actor, changes }),
      { labels, added, removed },
      viewer,
    );
  }

  /**
   * Flags the conversation for supervisors and makes it urgent (the top priority, so it only ever goes up).
   * Supervisors see every conversation live, so the pushed update and its timeline entry reach them.
   */
  async escalate(id: string, { reason }: EscalateRequest, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    if (conversation.status !== 'open') throw new AppError('CONFLICT', 'only an open conversation can be escalated');
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { escalatedAt: new Date(), priority: 'urgent' } },
    );
    const name = await actorName(this.models, viewer.userId);
    return this.record(
      conversation,
      'escalated',
      said(`Escalated by ${name}: ${reason}`, 'timeline.escalated', { actor: name, reason }),
      { reason, priorityBefore: conversation.priority, priority: 'urgent' },
      viewer,
    );
  }

  private record(
    conversation: ConversationDoc,
    kind: 'labels-changed' | 'escalated',
    summary: Said,
    details: Record<string, unknown>,
    viewer: Viewer,
  ) {
    return recordAction(
      { timeline: this.timeline, conversations: this.conversations },
      conversation,
      kind,
      summary,
      details,
      viewer,
    );
  }
}
