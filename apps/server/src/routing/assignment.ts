import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import type { WorkLeases } from '../lib/work-leases.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { UserDoc } from '../models/user.model.js';

const slotIdOf = (agentId: Types.ObjectId, n: number) => keyedId('agent-slot', `${agentId.toHexString()}:${n}`);

/**
 * Assignment that stays correct with several routers racing on one database, using only inserts (atomic on
 * MongoDB and FerretDB alike): the next assignment of a conversation is claimed once (a lease per routing
 * epoch), and the agent's capacity is a set of numbered slots, one insert each.
 */
export class Assignments {
  constructor(
    private readonly models: Models,
    private readonly claims: WorkLeases,
  ) {}

  /** Gives the conversation to the agent if nobody else assigns it first and the agent has a free slot. */
  async assign(conversation: ConversationDoc, agent: UserDoc): Promise<{ epoch: number; slot: number } | null> {
    const epoch = conversation.routingEpoch + 1;
    if (!(await this.claims.take(conversation._id, epoch))) return null;
    const slot = await this.takeSlot(agent, conversation._id);
    if (slot === null) {
      await this.claims.drop(conversation._id, epoch);
      return null;
    }
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { assigneeId: agent._id, assigneeSlot: slot, routingState: 'assigned', routingEpoch: epoch, waitingReason: null, waitingSince: null } },
    );
    await this.models.User.updateOne({ _id: agent._id }, { $set: { lastAssignedAt: new Date() } });
    return { epoch, slot };
  }

  /** Frees the assignee's slot; the conversation keeps its queue and waits for routing. */
  async release(conversation: ConversationDoc, waitingReason: string | null): Promise<void> {
    if (conversation.assigneeId && conversation.assigneeSlot) {
      await this.models.AgentSlot.deleteOne({ _id: slotIdOf(conversation.assigneeId, conversation.assigneeSlot) });
    }
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      {
        $set: {
          assigneeId: null,
          assigneeSlot: null,
          routingState: conversation.status === 'open' ? 'waiting' : null,
          waitingReason,
          waitingSince: conversation.status === 'open' ? new Date() : null,
        },
      },
    );
  }

  private async takeSlot(agent: UserDoc, conversationId: Types.ObjectId): Promise<number | null> {
    for (let n = 1; n <= agent.capacity; n++) {
      try {
        await this.models.AgentSlot.create({ _id: slotIdOf(agent._id, n), agentId: agent._id, conversationId, takenAt: new Date() });
        return n;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return null;
  }
}
