import type { Said } from '@switchboard/shared';
import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import type { WorkLeases } from '../domain/work-leases.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { UserDoc } from '../models/user.model.js';

const slotIdOf = (agentId: Types.ObjectId, n: number) => keyedId('agent-slot', `${agentId.toHexString()}:${n}`);

/** A router's exclusive turn at deciding a conversation's next assignment. */
export type RoutingTurn = { conversation: ConversationDoc; epoch: number; assigned: boolean };

/** A turn held longer than this belonged to a router that died; another may take it over. */
const ABANDONED_TURN_MS = 30_000;

/**
 * Assignment that stays correct with several routers racing on one database, using only inserts (atomic on
 * MongoDB and FerretDB alike): a router writes about a conversation only during its turn (a lease on the
 * conversation's next routing epoch, which one router at a time can hold), and an agent's capacity is a set
 * of numbered slots, one insert each, so it can never be exceeded.
 */
export class Assignments {
  constructor(
    private readonly models: Models,
    private readonly turns: WorkLeases,
  ) {}

  /** Null when another router is deciding this conversation right now. */
  async begin(conversation: ConversationDoc): Promise<RoutingTurn | null> {
    const epoch = conversation.routingEpoch + 1;
    if (!(await this.turns.take(conversation._id, epoch, ABANDONED_TURN_MS))) return null;
    // Hot path: by _id.
    const fresh = await this.models.Conversation.findById(conversation._id).orFail();
    if (fresh.routingEpoch >= epoch) return null;
    return { conversation: fresh, epoch, assigned: false };
  }

  /**
   * Gives the conversation to the agent if they have a free slot (or, `overCapacity`, a slot past their capacity).
   * The turn then stays taken: the epoch is used.
   */
  async assign(turn: RoutingTurn, agent: UserDoc, overCapacity = false): Promise<number | null> {
    const slot = await this.takeSlot(agent, turn.conversation._id, overCapacity);
    if (slot === null) return null;
    // Hot path: by _id.
    await this.models.Conversation.updateOne(
      { _id: turn.conversation._id },
      {
        $set: {
          assigneeId: agent._id,
          assigneeSlot: slot,
          routingState: 'assigned',
          routingEpoch: turn.epoch,
          waitingReason: null,
          waitingReasonPhrase: null,
          waitingSince: null,
          handedOnBy: null,
        },
      },
    );
    // Hot path: by _id.
    await this.models.User.updateOne({ _id: agent._id }, { $set: { lastAssignedAt: new Date() } });
    turn.assigned = true;
    return slot;
  }

  /** Ends a turn that assigned nobody, so the next router may try. */
  async end(turn: RoutingTurn): Promise<void> {
    if (!turn.assigned) await this.turns.drop(turn.conversation._id, turn.epoch);
  }

  /**
   * Frees the assignee's slot; the conversation keeps its queue and waits for routing (or goes back to a bot).
   * `handedOnBy`: the agent who chose to hand it on, whom routing then passes over.
   */
  async release(
    conversation: ConversationDoc,
    waitingReason: Said | null,
    { toBot = false, handedOnBy = null }: { toBot?: boolean; handedOnBy?: Types.ObjectId | null } = {},
  ): Promise<void> {
    if (conversation.assigneeId && conversation.assigneeSlot) {
      // Hot path: by _id.
      await this.models.AgentSlot.deleteOne({ _id: slotIdOf(conversation.assigneeId, conversation.assigneeSlot) });
    }
    // Hot path: by _id.
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      {
        $set: {
          assigneeId: null,
          assigneeSlot: null,
          routingState: toBot ? 'bot' : conversation.status === 'open' ? 'waiting' : null,
          waitingReason: toBot ? null : (waitingReason?.text ?? null),
          waitingReasonPhrase: toBot ? null : (waitingReason?.phrase ?? null),
          waitingSince: !toBot && conversation.status === 'open' ? new Date() : null,
          handedOnBy,
        },
      },
    );
  }

  /** Slots past the capacity count in the agent's load like any other, so routing gives them nothing until it falls. */
  private async takeSlot(
    agent: UserDoc,
    conversationId: Types.ObjectId,
    overCapacity: boolean,
  ): Promise<number | null> {
    const last = overCapacity ? Number.MAX_SAFE_INTEGER : agent.capacity;
    for (let n = 1; n <= last; n++) {
      try {
        await this.models.AgentSlot.create({
          _id: slotIdOf(agent._id, n),
          agentId: agent._id,
          conversationId,
          takenAt: new Date(),
        });
        return n;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return null;
  }
}
