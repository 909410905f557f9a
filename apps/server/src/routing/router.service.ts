import {
  PRIORITY_ORDER,
  said,
  type AssignRequest,
  type ConversationDTO,
  type Said,
  type TransferRequest,
} from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { ContactDoc } from '../models/contact.model.js';
import type { QueueDoc } from '../models/queue.model.js';
import type { UserDoc } from '../models/user.model.js';
import type { AgentService } from './agents.service.js';
import type { Assignments, RoutingTurn } from './assignment.js';
import type { QueueService } from './queue.service.js';
import type { TimelineEntry, TimelineWriter } from '../domain/timeline-writer.js';
import { isOpen, parseBusinessHours } from './business-hours/business-hours.js';
import {
  handOverSummary,
  manualReason,
  offeredTo,
  waitingReasonFor,
  type Candidate,
  type HandOver,
} from './routing-reasons.js';

const RULE =
  'online, within their working hours, skilled in the queue, below capacity; lowest load first, then longest since last assignment';
/** Whether anyone of a queue can take a conversation now; if not, why its conversations wait (null: no queue). */
type QueueAvailability = { takesMore: boolean; reason: Said | null };

/** How long a customer's open conversation may stay unrouted before the heartbeat routes it. */
const STRANDED_AFTER_MS = 10_000;

/**
 * Gets every conversation that needs a human to the right one: its queue by intent and language, then the
 * eligible agent (skilled in the queue, online, within their working hours, below capacity) with the lowest
 * load, ties to whoever waited longest since their last assignment. When nobody can take it, it waits,
 * visibly, with the reason.
 */
export class RouterService {
  /** Waiting conversations no queue took, with the queues (as `queueSetOf` describes them) they were tried against. */
  private readonly unqueuedWith = new Map<string, string>();

  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly queues: QueueService,
    private readonly agents: AgentService,
    private readonly assignments: Assignments,
    private readonly timeline: TimelineWriter,
  ) {}

  /**
   * `known`: the conversation as the caller just read it, to decide whether it needs routing without a read;
   * `contact`: its contact, when the caller has it (what it announces carries the contact).
   */
  async route(conversationId: Types.ObjectId, known?: ConversationDoc, contact?: ContactDoc): Promise<void> {
    // Hot path: by _id.
    const conversation = known ?? (await this.models.Conversation.findById(conversationId));
    if (!conversation || !needsRouting(conversation)) return;
    await this.withTurn(conversation, (turn) => this.decide(turn, contact));
  }

  private async decide(turn: RoutingTurn, contact?: ContactDoc): Promise<void> {
    const { conversation } = turn;
    if (!needsRouting(conversation)) return;
    const queue = await this.queueOf(conversation);
    if (!queue)
      return this.wait(
        conversation,
        said('no queue takes this conversation and there is no fallback queue', 'waiting.no-queue', {}),
        contact,
      );
    if (queue.mode === 'manual') return this.wait(conversation, manualReason(queue), contact);
    const candidates = await this.candidates(queue);
    for (const candidate of offeredTo(candidates, conversation.handedOnBy)) {
      if (await this.assignTo(turn, candidate.user, 'assigned', null, candidates)) return;
    }
    return this.wait(conversation, waitingReasonFor(queue, candidates, conversation.handedOnBy), contact);
  }

  /** Runs `work` during this router's turn on the conversation; does nothing if another router has it now. */
  private async withTurn<T>(conversation: ConversationDoc, work: (turn: RoutingTurn) => Promise<T>): Promise<T | null> {
    const turn = await this.assignments.begin(conversation);
    if (!turn) return null;
    try {
      return await work(turn);
    } finally {
      await this.assignments.end(turn);
    }
  }

  /**
   * Routes every waiting conversation, most urgent first, then longest waiting. A customer's conversation left
   * unrouted (a process died between storing its message and routing it, and the redelivery found the message
   * stored) is routed too, once nothing has touched it for a while. A queue nobody can take
   * from right now (no agent online below capacity) is skipped, and nothing is written, except where a
   * conversation waits for a reason no longer true (its agent went offline): it is tried, which says the new
   * one. Conversations not queued yet are always tried (they may need a fallback queue).
   */
  async routeWaiting(): Promise<void> {
    const strandedBefore = new Date(Date.now() - STRANDED_AFTER_MS);
    const [waiting, queues] = await Promise.all([
      // Hot path, scans on the embedded database and on MongoDB (no index leads with status or routingState): one
      // read for both { status: 'open', $or: [waiting, stranded] } (conversations). Waiting lists by _id
      // (keyedId('waiting', queueId)), written where routingState changes, would make the waiting part by _id.
      this.models.Conversation.find({
        status: 'open',
        $or: [
          { routingState: 'waiting' },
          { routingState: null, lastInboundAt: { $ne: null }, updatedAt: { $lt: strandedBefore } },
        ],
      }),
      // Hot path: bounded — every queue (configuration, a handful), read whole on both databases.
      this.models.Queue.find(),
    ]);
    waiting.sort(
      (a, b) =>
        PRIORITY_ORDER[b.priority] - PRIORITY_ORDER[a.priority] ||
        (a.waitingSince?.getTime() ?? 0) - (b.waitingSince?.getTime() ?? 0),
    );
    const queueSet = queueSetOf(queues);
    const queueById = new Map(queues.map((q) => [q.id, q]));
    const candidatesOf = new Map<string, Candidate[] | null>();
    for (const conversation of waiting) {
      const queueId = conversation.queueId?.toHexString();
      if (queueId && !candidatesOf.has(queueId)) {
        const queue = queueById.get(queueId);
        candidatesOf.set(queueId, queue?.mode === 'auto' ? await this.candidates(queue) : null);
      }
      const queue = queueId
        ? availabilityOf(queueById.get(queueId), candidatesOf.get(queueId)!, conversation.handedOnBy)
        : null;
      // Nobody can take it: tried again only when the reason it waits has changed (an agent went offline…).
      if (queue && !queue.takesMore && (queue.reason === null || conversation.waitingReason === queue.reason.text))
        continue;
      // No queue took it: only a change to the queues can, so it is not tried again until they change.
      if (!queueId && this.unqueuedWith.get(conversation.id) === queueSet) continue;
      await this.route(conversation._id);
      // Remembered only once it waits with no queue: one another router held (its turn) was not tried yet.
      // Hot path: by _id.
      const after = queueId
        ? null
        : await this.models.Conversation.findById(conversation._id, { queueId: 1, routingState: 1 });
      if (after?.routingState === 'waiting' && !after.queueId) this.unqueuedWith.set(conversation.id, queueSet);
      else this.unqueuedWith.delete(conversation.id);
    }
    const stillWaiting = new Set(waiting.map((c) => c.id));
    for (const id of this.unqueuedWith.keys()) if (!stillWaiting.has(id)) this.unqueuedWith.delete(id);
  }

  /** An agent takes a waiting conversation of one of their queues (how manual queues work). */
  async claim(conversationId: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const me = await this.models.User.findById(viewer.userId).orFail();
    if (conversation.routingState === 'assigned')
      throw new AppError('CONFLICT', 'someone has this conversation already');
    if (!viewer.seesEverything && !(conversation.queueId && me.queueIds.some((q) => q.equals(conversation.queueId!)))) {
      throw forbidden('you can claim conversations of your own queues only');
    }
    const claimed = await this.withTurn(conversation, (turn) => this.assignTo(turn, me, 'claimed', viewer.userId, []));
    if (!claimed) throw new AppError('CONFLICT', 'you are at capacity, or someone claimed it first');
    return this.conversations.current(conversationId);
  }

  /** A supervisor gives a conversation to an agent (or takes it over, giving it to themselves). */
  async assign(conversationId: string, to: AssignRequest, viewer: Viewer): Promise<ConversationDTO> {
    if (!viewer.seesEverything) throw forbidden('only supervisors and admins assign conversations');
    const target = await this.models.User.findById(to.userId);
    if (!target || !target.active) throw notFound('user');
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    await this.handOver(conversation, target, viewer, {
      how: 'assign',
      overCapacity: to.overCapacity ?? false,
    });
    return this.conversations.current(conversationId);
  }

  /**
   * To a teammate or any queue. A supervisor may transfer any conversation; an agent, one they can see that is
   * theirs or waits for someone (a colleague's is the colleague's to hand on).
   */
  async transfer(conversationId: string, to: TransferRequest, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const waiting = conversation.status === 'open' && conversation.routingState === 'waiting';
    if (!viewer.seesEverything && !waiting && !conversation.assigneeId?.equals(viewer.userId))
      throw forbidden('you can transfer conversations assigned to you or waiting for someone');
    if ('toUserId' in to) {
      const target = await this.models.User.findById(to.toUserId);
      if (!target || !target.active) throw notFound('user');
      await this.handOver(conversation, target, viewer, {
        how: 'transfer',
        overCapacity: to.overCapacity ?? false,
      });
    } else {
      const queue = await this.models.Queue.findById(to.toQueueId);
      if (!queue) throw notFound('queue');
      // Whoever sends it to a queue is done with it: routing offers it to someone else there.
      const handedOnBy = conversation.assigneeId?.equals(viewer.userId) ? conversation.assigneeId : null;
      await this.assignments.release(
        conversation,
        said(`transferred to ${queue.name}`, 'waiting.transferred-to-queue', { queue: queue.name }),
        { handedOnBy },
      );
      await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { queueId: queue._id } });
      await this.note(
        conversation,
        'transferred',
        said(`Transferred to the ${queue.name} queue`, 'timeline.transferred-to-queue', { queue: queue.name }),
        { toQueueId: to.toQueueId },
        viewer.userId,
      );
      await this.route(conversation._id);
    }
    return this.conversations.current(conversationId);
  }

  /**
   * After a person corrected the intent: when another queue takes the new intent, the conversation leaves its
   * agent and goes there, routed like any new arrival. Returns the new queue's name, or null when it stays.
   */
  async rerouteForIntent(conversationId: Types.ObjectId, actorId: string): Promise<string | null> {
    const conversation = await this.models.Conversation.findById(conversationId).orFail();
    // A bot's conversation is routed by its intent when the bot hands it over; a closed one goes nowhere.
    if (conversation.status !== 'open' || conversation.routingState === 'bot') return null;
    const picked = await this.queues.pick(conversation.intent ?? null, conversation.language ?? null);
    if (!picked || conversation.queueId?.equals(picked.queue._id)) return null;
    const intent = conversation.intent ?? '';
    await this.assignments.release(
      conversation,
      said(`the intent is now ${intent}`, 'waiting.intent-changed', { intent }),
    );
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { queueId: picked.queue._id } });
    await this.note(
      conversation,
      'transferred',
      said(`Re-routed to the ${picked.queue.name} queue: the intent is now ${intent}`, 'timeline.rerouted', {
        queue: picked.queue.name,
        intent,
      }),
      { toQueueId: picked.queue.id, intent: conversation.intent, why: picked.why },
      actorId,
    );
    await this.route(conversation._id);
    return picked.queue.name;
  }

  /** The assignee hands the conversation back to its queue. */
  async giveBack(conversationId: string, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    if (!conversation.assigneeId?.equals(viewer.userId))
      throw forbidden('you can give back only conversations assigned to you');
    await this.assignments.release(conversation, said('given back to the queue', 'waiting.given-back', {}), {
      handedOnBy: conversation.assigneeId,
    });
    await this.note(
      conversation,
      'unassigned',
      said('Given back to the queue by its agent', 'timeline.given-back', {}),
      {},
      viewer.userId,
    );
    await this.route(conversation._id);
    return this.conversations.current(conversationId);
  }

  /**
   * Back to the queue, for an agent who went away or offline past the grace period. Every process's heartbeat
   * looks for these: the release happens during a turn, and only if that agent still has the conversation, so
   * a process working from an older read cannot undo the assignment another process has just made.
   */
  async requeue(conversation: ConversationDoc, agent: UserDoc, awayMinutes: number): Promise<void> {
    const requeued = await this.withTurn(conversation, async (turn) => {
      const current = turn.conversation;
      if (current.routingState !== 'assigned' || !current.assigneeId?.equals(agent._id)) return false;
      const away = { agent: agent.name, minutes: awayMinutes };
      await this.assignments.release(
        current,
        said(`${agent.name} was unavailable for ${awayMinutes} min`, 'waiting.agent-unavailable', away),
      );
      await this.note(
        current,
        'requeued',
        said(`Back to the queue: ${agent.name} was away or offline for ${awayMinutes} min`, 'timeline.requeued', away),
        { agentId: agent.id },
        null,
        `requeued:${turn.epoch}`,
      );
      return true;
    });
    if (requeued) await this.route(conversation._id);
  }

  /** Takes the conversation from its agent and routes it again (an SLA escalation); released during a turn, like requeue. */
  async reassign(conversation: ConversationDoc, why: Said): Promise<void> {
    await this.withTurn(conversation, async (turn) => {
      if (turn.conversation.routingState === 'assigned') await this.assignments.release(turn.conversation, why);
    });
    await this.route(conversation._id);
  }

  private async handOver(conversation: ConversationDoc, target: UserDoc, viewer: Viewer, handOver: HandOver) {
    if (conversation.assigneeId?.equals(target._id))
      throw new AppError('CONFLICT', `${target.name} has this conversation already`);
    const load = await this.agents.load(target._id);
    const over = load >= target.capacity;
    // Checked before the conversation leaves its agent, so a refusal changes nothing.
    if (over) refuseOverCapacity(target, load, viewer, handOver.overCapacity);
    const summary = handOverSummary(target, handOver.how, over ? load + 1 : null);
    if (conversation.routingState === 'assigned') await this.assignments.release(conversation, null);
    const fresh = await this.models.Conversation.findById(conversation._id).orFail();
    const handedOver = await this.withTurn(fresh, async (turn) => {
      if (await this.assignTo(turn, target, 'transferred', viewer.userId, [], summary, handOver.how, over)) return true;
      await this.wait(
        turn.conversation,
        said(`${target.name} is at capacity`, 'waiting.agent-at-capacity', { agent: target.name }),
      );
      return false;
    });
    if (!handedOver)
      throw new AppError(
        'CONFLICT',
        `${target.name} is at capacity or being assigned by someone else; the conversation waits in its queue`,
      );
  }

  /**
   * `how` tells a supervisor's assignment from a transfer (both hand over) in the history and the metrics;
   * `overCapacity`, confirmed by a supervisor, lets the agent hold more than their capacity.
   */
  private async assignTo(
    turn: RoutingTurn,
    agent: UserDoc,
    kind: 'assigned' | 'claimed' | 'transferred',
    actorId: string | null,
    candidates: Candidate[],
    summary?: Said,
    how?: 'assign' | 'transfer',
    overCapacity = false,
  ) {
    const { conversation } = turn;
    if ((await this.assignments.assign(turn, agent, overCapacity)) === null) return false;
    const load = await this.agents.load(agent._id);
    await this.note(
      conversation,
      kind,
      summary ??
        (kind === 'claimed'
          ? said(`Claimed by ${agent.name}`, 'timeline.claimed', { agent: agent.name })
          : said(`Assigned to ${agent.name}, least loaded (${load}/${agent.capacity} open)`, 'timeline.assigned', {
              agent: agent.name,
              load,
              capacity: agent.capacity,
            })),
      {
        agentId: agent.id,
        ...(how ? { how } : {}),
        ...(overCapacity ? { overCapacity } : {}),
        rule: RULE,
        candidates: candidates.map((c) => ({
          agentId: c.user.id,
          name: c.user.name,
          status: c.status,
          inHours: c.inHours,
          load: c.load,
          capacity: c.capacity,
        })),
      },
      actorId,
      `${kind}:${turn.epoch}`,
    );
    await this.conversations.announce(conversation, `assigned:${turn.epoch}`);
    return true;
  }

  private async wait(conversation: ConversationDoc, reason: Said, contact?: ContactDoc) {
    if (conversation.routingState === 'waiting' && conversation.waitingReason === reason.text) return;
    // The state this write returns is current for the note and the announcement: neither reads it again.
    // Hot path: by _id.
    const waiting = await this.models.Conversation.findByIdAndUpdate(
      conversation._id,
      {
        $set: {
          routingState: 'waiting',
          waitingReason: reason.text,
          waitingReasonPhrase: reason.phrase,
          waitingSince: conversation.waitingSince ?? new Date(),
        },
      },
      { new: true },
    ).orFail();
    const step = `waiting:${conversation.routingEpoch}:${reason.text}`;
    const note = this.timeline.change(waiting, {
      stepKey: step,
      entry: {
        kind: 'waiting',
        summary: `Waiting: ${reason.text}`,
        summaryPhrase: reason.phrase,
        details: { reason: reason.text },
        actorId: null,
      },
    });
    await this.conversations.announce(conversation, step, { fresh: waiting, contact }, [note]);
  }

  private async queueOf(conversation: ConversationDoc): Promise<QueueDoc | null> {
    // Hot path: by _id.
    if (conversation.queueId) return this.models.Queue.findById(conversation.queueId);
    const picked = await this.queues.pick(conversation.intent ?? null, conversation.language ?? null);
    if (!picked) return null;
    // Hot path: by _id.
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { queueId: picked.queue._id } });
    await this.note(
      conversation,
      'queued',
      said(
        `Routed to ${picked.queue.name}: ${picked.why}`,
        picked.fallback ? 'timeline.queued-fallback' : 'timeline.queued',
        { queue: picked.queue.name },
      ),
      { queueId: picked.queue.id, intent: conversation.intent, language: conversation.language },
      null,
    );
    return picked.queue;
  }

  private async candidates(queue: QueueDoc): Promise<Candidate[]> {
    // Hot path: bounded — the team's users, read whole on both databases (no index on queueIds); they do not grow
    // with traffic.
    const skilled = await this.models.User.find({ active: true, queueIds: queue._id });
    const [statuses, loads] = await Promise.all([
      this.agents.statuses(skilled),
      this.agents.loadsOf(skilled.map((u) => u._id)),
    ]);
    const now = new Date();
    const all = skilled.map((user) => ({
      user,
      status: statuses.get(user.id)!,
      inHours: !user.workingHours || isOpen(now, parseBusinessHours(user.workingHours)),
      load: loads.get(user.id)!,
      capacity: user.capacity,
    }));
    return all.sort(
      (a, b) => a.load - b.load || (a.user.lastAssignedAt?.getTime() ?? 0) - (b.user.lastAssignedAt?.getTime() ?? 0),
    );
  }

  private note(
    conversation: ConversationDoc,
    kind: TimelineEntry['kind'],
    summary: Said,
    details: Record<string, unknown>,
    actorId: string | null,
    stepKey?: string,
  ) {
    return this.timeline.add(conversation, stepKey ?? `${kind}:${conversation.routingEpoch}:${Date.now()}`, {
      kind,
      summary: summary.text,
      summaryPhrase: summary.phrase,
      details,
      actorId,
    });
  }
}

/**
 * An agent at capacity gets more only when a supervisor or admin confirmed it; the refusal names their load, so
 * the person can decide (a supervisor) or pick someone else (an agent).
 */
function refuseOverCapacity(target: UserDoc, load: number, viewer: Viewer, confirmed: boolean): void {
  const onlySupervisors = 'only supervisors and admins assign over capacity';
  if (confirmed && !viewer.seesEverything)
    throw new AppError('FORBIDDEN', onlySupervisors, [{ path: 'body.overCapacity', message: onlySupervisors }]);
  if (confirmed) return;
  const state = `${target.name} has ${load} open conversation${load === 1 ? '' : 's'} of a capacity of ${target.capacity}`;
  if (!viewer.seesEverything) throw new AppError('OVER_CAPACITY', state);
  throw new AppError('OVER_CAPACITY', `${state}; confirm with overCapacity: true to assign anyway`, [
    { path: 'body.overCapacity', message: 'set it to true to assign over capacity' },
  ]);
}

/** What decides which queue a conversation goes to: a change here may give an unqueued conversation a queue. */
const queueSetOf = (queues: QueueDoc[]) =>
  JSON.stringify(queues.map((q) => [q.id, q.intents, q.languages, q.fallback]).sort());

const needsRouting = (c: ConversationDoc) =>
  c.status === 'open' && c.routingState !== 'assigned' && c.routingState !== 'bot';

/**
 * Whether anyone of the queue can take this conversation now, and if not, why it waits (null: no such queue).
 * `candidates` is null for a queue that takes conversations by claim.
 */
function availabilityOf(
  queue: QueueDoc | undefined,
  candidates: Candidate[] | null,
  handedOnBy: Types.ObjectId | null | undefined,
): QueueAvailability {
  if (!queue) return { takesMore: false, reason: null };
  if (!candidates) return { takesMore: false, reason: manualReason(queue) };
  return {
    takesMore: offeredTo(candidates, handedOnBy).length > 0,
    reason: waitingReasonFor(queue, candidates, handedOnBy),
  };
}
