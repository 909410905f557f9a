import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import { PollingLoop } from '../lib/polling-loop.js';
import type { Models } from '../models/index.js';
import type { AgentService } from './agents.service.js';
import type { PresenceTracker } from './presence.js';
import { queueStates } from './queue-state.js';
import type { RouterService } from './router.service.js';
import type { TriageService } from '../triage/index.js';

type Deps = {
  models: Models;
  router: RouterService;
  agents: AgentService;
  triage: TriageService;
  presence: PresenceTracker;
  events: DomainEvents;
  graceMs: number;
  intervalMs: number;
  logger: Logger;
  /** Told after every completed pass (for metrics). */
  observePass?: () => void;
};

/**
 * The routing heartbeat, in every process (each step is safe to run concurrently): keeps presence fresh,
 * returns the conversations of agents unavailable past the grace period to their queue, raises the priority
 * of long waits, routes whatever waits, and tells supervisors when the queues' state changed.
 */
export class RoutingWorker {
  private readonly loop: PollingLoop;
  private lastState = '';
  /** The waited minutes each conversation's priority was last evaluated at: only a new minute can change it. */
  private readonly prioritizedAt = new Map<string, number>();

  constructor(private readonly deps: Deps) {
    this.loop = new PollingLoop({
      concurrency: 1,
      pollMs: deps.intervalMs,
      step: () => this.pass(),
      logger: deps.logger,
      name: 'routing',
    });
  }

  start = () => this.loop.start();
  stop = () => this.loop.stop();
  kick = () => this.loop.kick();

  /** One routing pass, as the heartbeat runs it (public for benchmarks that time one). */
  async pass(): Promise<boolean> {
    await this.deps.presence.heartbeat();
    await this.requeueUnavailable();
    await this.reprioritizeWaiting();
    await this.deps.router.routeWaiting();
    await this.publishQueueState();
    this.deps.observePass?.();
    return false;
  }

  private async requeueUnavailable() {
    const { models, agents, router, graceMs } = this.deps;
    // Hot path: the users by _id (an index lookup on both databases); the distinct agentIds bounded — the agentId
    // index on MongoDB, on the embedded database a scan of agent_slots, which holds one slot per assigned open
    // conversation (the team's capacity).
    const busy = await models.User.find({ _id: { $in: await models.AgentSlot.distinct('agentId') } });
    const statuses = await agents.statuses(busy);
    for (const agent of busy) {
      if (statuses.get(agent.id) === 'online') continue;
      if (!agent.unavailableSince) {
        // Hot path: by _id.
        await models.User.updateOne({ _id: agent._id }, { $set: { unavailableSince: new Date() } });
        continue;
      }
      const awayMs = Date.now() - agent.unavailableSince.getTime();
      if (awayMs < graceMs) continue;
      // Hot path (an agent away past the grace period), scans on the embedded database and on MongoDB (no index on
      // assigneeId): { assigneeId, routingState: 'assigned', status: 'open' } (conversations). The agent's slots name
      // their conversations: slotIdOf(agent, 1..n) by _id, then `_id: { $in }`, would make it by _id.
      const conversations = await models.Conversation.find({
        assigneeId: agent._id,
        routingState: 'assigned',
        status: 'open',
      });
      for (const conversation of conversations) await router.requeue(conversation, agent, Math.round(awayMs / 60_000));
    }
  }

  /** Priority rules can depend on how long the customer has waited: a long wait raises it. */
  private async reprioritizeWaiting() {
    // Hot path, scans on the embedded database and on MongoDB (no index leads with routingState or status):
    // { routingState: 'waiting', status: 'open', triage } (conversations). Waiting lists by _id
    // (keyedId('waiting', queueId)) would make it by _id; until then, this pass's three reads of the waiting
    // conversations (here, in routeWaiting, in queueStates) could be one.
    const waiting = await this.deps.models.Conversation.find({
      routingState: 'waiting',
      status: 'open',
      triage: { $ne: null },
    });
    const seen = new Map<string, number>();
    for (const conversation of waiting) {
      const minutes = Math.floor(
        (Date.now() - (conversation.waitingSince ?? conversation.openedAt).getTime()) / 60_000,
      );
      seen.set(conversation.id, minutes);
      if (minutes > 0 && this.prioritizedAt.get(conversation.id) !== minutes)
        await this.deps.triage.prioritize(conversation, minutes);
    }
    this.prioritizedAt.clear();
    for (const [id, minutes] of seen) this.prioritizedAt.set(id, minutes);
  }

  private async publishQueueState() {
    const state = await queueStates(this.deps.models, this.deps.agents);
    const serialised = JSON.stringify(state);
    if (serialised === this.lastState) return;
    this.lastState = serialised;
    this.deps.events.emit('queues.changed', state);
  }
}
