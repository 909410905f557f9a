import { PRIORITY_ORDER, said, type Priority, type Said } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { DomainEvents } from '../domain/domain-events.js';
import type { ConversationService } from '../domain/conversation.service.js';
import { keyedId } from '../lib/keyed-id.js';
import type { WorkLeases } from '../domain/work-leases.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { QueueDoc } from '../models/queue.model.js';
import type { SlaTimerDoc } from '../models/sla-timer.model.js';
import { parseBusinessHours, type RouterService } from '../routing/index.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import { computeSlaTargets, escalationSchedule, type SlaKind, type SlaTarget } from './sla-clock.js';
import type { SlaPolicySet } from './sla-policies.js';
import type { Live } from '../domain/versioned-setting.js';

const LABEL: Record<SlaKind, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
const CLAIM_CANDIDATES = 8;
/** How long a process holds a timer it is checking; one that died mid-check leaves it due again after this. */
const CHECK_LEASE_MS = 30_000;

/** The target due first: the one the conversation shows. */
const nextDue = (wanted: Map<string, SlaTarget>) =>
  [...wanted.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];

/** Whether the conversation's timers and the SLA it shows are those of the targets wanted. */
function inStep(conversation: ConversationDoc, wanted: Map<string, SlaTarget>): boolean {
  const next = nextDue(wanted);
  const ids = (conversation.slaTimerIds ?? []).map((id) => id.toHexString());
  return (
    (conversation.slaKind ?? null) === (next?.kind ?? null) &&
    (conversation.slaDueAt?.getTime() ?? null) === (next?.dueAt.getTime() ?? null) &&
    ids.join() === [...wanted.keys()].join()
  );
}

/**
 * SLA timers: stored per running target, so they survive restarts, and handled by whichever process takes
 * the check's lease first. A warning before the deadline; at the breach, the policy's escalation ladder, each
 * step acting (notify the agent, raise the priority, reassign, notify supervisors) and shown in the timeline.
 */
export class SlaService {
  constructor(
    private readonly models: Models,
    private readonly policies: Live<SlaPolicySet>,
    private readonly conversations: ConversationService,
    private readonly router: RouterService,
    private readonly timeline: TimelineWriter,
    private readonly events: DomainEvents,
    private readonly checks: WorkLeases,
  ) {}

  /**
   * Brings the conversation's timers in line with its moments: new targets start, met ones end. `seen`: the
   * conversation as a change just left it. When its timers are in step with it (most changes: another
   * message while it already waits for a reply), there is nothing to read or write; otherwise, or without
   * it, the conversation is read fresh. (If a sync wrote since `seen` was read, and `seen` looks in step by
   * chance, the reconcile pass finds it.)
   */
  async sync(conversationId: Types.ObjectId, seen?: ConversationDoc): Promise<void> {
    const seenQueue = seen ? await this.queueOf(seen) : null;
    if (seen && inStep(seen, this.targetsOf(seen, seenQueue))) return;
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(conversationId);
    if (!conversation) return;
    const queue =
      conversation.queueId?.toHexString() === seen?.queueId?.toHexString()
        ? seenQueue
        : await this.queueOf(conversation);
    const wanted = this.targetsOf(conversation, queue);
    const existing = (conversation.slaTimerIds ?? []).map((id) => id.toHexString());
    for (const id of existing) if (!wanted.has(id)) await this.end(id, conversation);
    for (const [id, target] of wanted) {
      if (existing.includes(id)) await this.retarget(id, target, conversation.priority);
      else await this.start(id, target, conversation);
    }
    if (!inStep(conversation, wanted)) {
      const next = nextDue(wanted);
      // Hot path: by _id.
      await this.models.Conversation.updateOne(
        { _id: conversationId },
        {
          $set: {
            slaKind: next?.kind ?? null,
            slaDueAt: next?.dueAt ?? null,
            slaTimerIds: [...wanted.keys()].map((id) => new Types.ObjectId(id)),
          },
        },
      );
      // The running target is part of what agents see (list, header, context pane): push it, or their clock
      // keeps counting down the target that just ended until something else changes the conversation.
      await this.conversations.announce(conversation, `sla:${next?.kind ?? 'none'}:${next?.dueAt.getTime() ?? 0}`);
    }
  }

  /** Removes a target no longer running; one that was fulfilled is announced (met, or late), once: its deleter does. */
  private async end(id: string, conversation: ConversationDoc): Promise<void> {
    // Hot path: by _id.
    const timer = await this.models.SlaTimer.findOneAndDelete({ _id: id });
    if (!timer || timer.state === 'breached' || conversation.routingState === 'bot') return;
    const fulfilledAt = fulfilment(timer.kind as SlaKind, timer.startedAt, conversation);
    if (!fulfilledAt) return;
    this.events.emit('sla.settled', {
      conversationId: conversation.id,
      kind: timer.kind as SlaKind,
      outcome: fulfilledAt <= timer.dueAt ? 'met' : 'late',
      at: fulfilledAt,
    });
  }

  private async start(id: string, target: SlaTarget, conversation: ConversationDoc): Promise<void> {
    try {
      await this.models.SlaTimer.create({
        _id: id,
        conversationId: conversation._id,
        priority: conversation.priority,
        state: 'running',
        nextCheckAt: target.warnAt,
        ...target,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * A running target whose deadline moved (the priority changed, or the queue and its hours) is re-armed
   * for the new one: warned again, and breached at the new deadline (at once, if that has passed). One that
   * breached keeps its deadline and its escalation ladder, of which raising the priority is a step.
   */
  private async retarget(id: string, target: SlaTarget, priority: Priority): Promise<void> {
    // Hot path: by _id.
    await this.models.SlaTimer.updateOne(
      { _id: id, state: { $ne: 'breached' }, dueAt: { $ne: target.dueAt } },
      { $set: { priority, warnAt: target.warnAt, dueAt: target.dueAt, state: 'running', nextCheckAt: target.warnAt } },
    );
  }

  /**
   * Syncs the conversations whose timers are out of step with their moments. Timers follow changes through
   * this process's events (`sync`); a process that died between a change and its sync, or a sync that failed,
   * leaves a conversation out of step, and this pass finds it. One pass per interval among all processes
   * (whoever takes the interval's lease); conversations changed within the last interval are left to the
   * events. Returns how many it synced, or null when another process has this interval.
   */
  async reconcile(intervalMs: number, now = new Date()): Promise<number | null> {
    const slot = Math.floor(now.getTime() / intervalMs);
    if (!(await this.checks.take(keyedId('sla-reconcile', String(slot)), 1))) return null;
    // Hot path: bounded — every queue (configuration, a handful), read whole on both databases.
    const queues = new Map((await this.models.Queue.find()).map((queue) => [queue.id, queue]));
    const settled = new Date(now.getTime() - intervalMs);
    // Open ones, and closed ones that still show a timer.
    // Hot path (once per interval among all processes), scans on the embedded database and on MongoDB (no index on
    // updatedAt): { updatedAt: $lt, $or: [open, slaKind set] } (conversations), history included. A list of the open or
    // timed conversations kept by _id (a few keyedId('sla-watch', shard) documents) would make it `_id: { $in }`.
    const candidates = await this.models.Conversation.find({
      updatedAt: { $lt: settled },
      $or: [{ status: 'open' }, { slaKind: { $ne: null } }],
    });
    let synced = 0;
    for (const conversation of candidates) {
      const queue = conversation.queueId ? (queues.get(conversation.queueId.toHexString()) ?? null) : null;
      if (inStep(conversation, this.targetsOf(conversation, queue))) continue;
      await this.sync(conversation._id);
      synced += 1;
    }
    return synced;
  }

  /** Handles one due timer; false when none is due. */
  async checkDue(): Promise<boolean> {
    // Hot path: bounded — the nextCheckAt index on MongoDB; on the embedded database a scan of sla_timers, which
    // holds only running targets (met ones are deleted, the rest when their conversation ends): it grows with open
    // conversations, not with history.
    const due = await this.models.SlaTimer.find({ nextCheckAt: { $lte: new Date() } })
      .sort({ nextCheckAt: 1 })
      .limit(CLAIM_CANDIDATES);
    for (const timer of due) {
      const check = timer.checks + 1;
      // Taken over when stale: its taker died before recording the check.
      if (!(await this.checks.take(timer._id, check, CHECK_LEASE_MS))) continue;
      // The next check moves past the lease while this one runs, so no other process starts it meanwhile;
      // every outcome of check() sets the real next check.
      // Hot path: by _id.
      await this.models.SlaTimer.updateOne(
        { _id: timer._id },
        { $set: { checks: check, nextCheckAt: new Date(Date.now() + CHECK_LEASE_MS) } },
      );
      await this.check(timer);
      return true;
    }
    return false;
  }

  private queueOf(conversation: ConversationDoc): Promise<QueueDoc | null> {
    // Hot path: by _id.
    return conversation.queueId ? this.models.Queue.findById(conversation.queueId) : Promise.resolve(null);
  }

  /** The targets that should be running, by timer id. */
  private targetsOf(conversation: ConversationDoc, queue: QueueDoc | null): Map<string, SlaTarget> {
    if (conversation.status !== 'open' || conversation.routingState === 'bot') return new Map();
    const targets = computeSlaTargets({
      policies: this.policies.current(),
      priority: conversation.priority,
      ...(queue?.businessHours ? { hours: parseBusinessHours(queue.businessHours) } : {}),
      moments: {
        conversationStartedAt: conversation.openedAt,
        firstResponseAt: conversation.firstAgentReplyAt ?? null,
        lastCustomerMessageAt: conversation.lastInboundAt ?? conversation.openedAt,
        lastAgentReplyAt: conversation.lastAgentReplyAt ?? null,
        resolvedAt: conversation.resolvedAt ?? null,
        firstUnansweredCustomerMessageAt: conversation.firstUnansweredAt ?? null,
      },
    });
    return new Map(
      targets.map((t) => [keyedId('sla', `${conversation.id}:${t.kind}:${t.startedAt.getTime()}`).toHexString(), t]),
    );
  }

  private async check(timer: SlaTimerDoc): Promise<void> {
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(timer.conversationId);
    // Hot path: by _id.
    if (!conversation) return void (await this.models.SlaTimer.deleteOne({ _id: timer._id }));
    const label = LABEL[timer.kind];
    const now = new Date();
    if (timer.state === 'running' && now < timer.dueAt) {
      const minutes = Math.max(1, Math.round((timer.dueAt.getTime() - now.getTime()) / 60_000));
      await this.note(
        conversation,
        timer,
        'warning',
        'sla-warning',
        said(`${label} due in ${minutes} min`, 'timeline.sla-due-soon', { sla: timer.kind, minutes }),
      );
      this.alert(conversation, timer, 'warning', `${label} due in ${minutes} min`);
      // Hot path: by _id.
      await this.models.SlaTimer.updateOne({ _id: timer._id }, { $set: { state: 'warned', nextCheckAt: timer.dueAt } });
      return;
    }
    const ladder = escalationSchedule(timer.dueAt, this.policies.current()[timer.priority as Priority].escalation);
    if (timer.state !== 'breached') {
      await this.note(
        conversation,
        timer,
        'breached',
        'sla-breached',
        said(`${label} SLA breached (was due ${timer.dueAt.toISOString()})`, 'timeline.sla-breached', {
          sla: timer.kind,
          dueAt: timer.dueAt.toISOString(),
        }),
      );
      // Hot path: by _id.
      await this.models.SlaTimer.updateOne(
        { _id: timer._id },
        { $set: { state: 'breached', nextStep: 0, nextCheckAt: ladder[0]?.at ?? null } },
      );
      return;
    }
    const step = ladder[timer.nextStep];
    if (step) await this.escalate(conversation, timer, step.action, timer.nextStep);
    // Hot path: by _id.
    await this.models.SlaTimer.updateOne(
      { _id: timer._id },
      { $set: { nextStep: timer.nextStep + 1, nextCheckAt: ladder[timer.nextStep + 1]?.at ?? null } },
    );
  }

  private async escalate(conversation: ConversationDoc, timer: SlaTimerDoc, action: string, step: number) {
    const label = LABEL[timer.kind];
    if (action === 'raise_priority') {
      const raised = PRIORITIES[Math.min(PRIORITY_ORDER[conversation.priority] + 1, PRIORITIES.length - 1)]!;
      // Hot path: by _id.
      if (raised !== conversation.priority)
        await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { priority: raised } });
      await this.note(
        conversation,
        timer,
        `step:${step}`,
        'escalated',
        said(`${label} overdue: priority raised to ${raised}`, 'timeline.sla-priority-raised', {
          sla: timer.kind,
          priority: raised,
        }),
        { action },
      );
      await this.conversations.announce(conversation, `sla:${timer.id}:step:${step}`);
    } else if (action === 'reassign') {
      const reassigning = said(`${label} overdue: reassigning`, 'timeline.sla-reassigning', { sla: timer.kind });
      await this.note(conversation, timer, `step:${step}`, 'escalated', reassigning, { action });
      await this.router.reassign(
        conversation,
        said(`${label} SLA overdue`, 'waiting.sla-overdue', { sla: timer.kind }),
      );
    } else {
      const notified =
        action === 'notify_agent'
          ? said(`${label} overdue: the agent notified`, 'timeline.sla-agent-notified', { sla: timer.kind })
          : said(`${label} overdue: supervisors notified`, 'timeline.sla-supervisors-notified', { sla: timer.kind });
      await this.note(conversation, timer, `step:${step}`, 'escalated', notified, { action });
      this.alert(
        conversation,
        timer,
        action === 'notify_agent' ? 'breached' : 'escalated',
        `${label} overdue`,
        action === 'notify_supervisors',
      );
    }
  }

  private note(
    conversation: ConversationDoc,
    timer: SlaTimerDoc,
    step: string,
    kind: 'sla-warning' | 'sla-breached' | 'escalated',
    summary: Said,
    details: Record<string, unknown> = {},
  ) {
    return this.timeline.add(conversation, `sla:${timer.id}:${step}`, {
      kind,
      ...summarized(summary),
      details: { sla: timer.kind, dueAt: timer.dueAt.toISOString(), ...details },
      actorId: null,
    });
  }

  private alert(
    conversation: ConversationDoc,
    timer: SlaTimerDoc,
    level: 'warning' | 'breached' | 'escalated',
    summary: string,
    supervisorsOnly = false,
  ) {
    this.events.emit('sla.alert', {
      conversationId: conversation.id,
      kind: timer.kind,
      level,
      summary,
      dueAt: timer.dueAt.toISOString(),
      assigneeId: supervisorsOnly ? null : (conversation.assigneeId?.toHexString() ?? null),
    });
  }
}

/**
 * When the target was fulfilled: a reply after it started (first or next response), or the resolve. Null when
 * it ended otherwise (resolved without a reply: no response was measured).
 */
function fulfilment(kind: SlaKind, startedAt: Date, conversation: ConversationDoc): Date | null {
  if (kind === 'resolution') return conversation.status === 'resolved' ? (conversation.resolvedAt ?? null) : null;
  const reply = conversation.lastAgentReplyAt;
  return reply && reply >= startedAt ? reply : null;
}
