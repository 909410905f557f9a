import type { Role } from '@switchboard/shared';
import { Types } from 'mongoose';

type Visible = { channelId: Types.ObjectId; queueId?: Types.ObjectId | null; assigneeId?: Types.ObjectId | null };

/**
 * Who is asking, and what they may see. Supervisors and admins: everything. Agents: what is assigned to
 * them, what waits in their queues, and the conversations of channels an admin made them members of.
 */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly role: Role,
    readonly channelIds: readonly Types.ObjectId[],
    readonly queueIds: readonly Types.ObjectId[] = [],
  ) {}

  get seesEverything(): boolean {
    return this.role !== 'agent';
  }

  canSeeChannel(channelId: Types.ObjectId): boolean {
    return this.seesEverything || this.channelIds.some((id) => id.equals(channelId));
  }

  canSee(conversation: Visible): boolean {
    return (
      this.canSeeChannel(conversation.channelId) ||
      (conversation.assigneeId?.equals(this.userId) ?? false) ||
      (conversation.queueId ? this.queueIds.some((id) => id.equals(conversation.queueId!)) : false)
    );
  }

  /** The same rule as canSee, as a database filter. */
  conversationFilter(): Record<string, unknown> {
    if (this.seesEverything) return {};
    return {
      $or: [
        { channelId: { $in: [...this.channelIds] } },
        { assigneeId: new Types.ObjectId(this.userId) },
        { queueId: { $in: [...this.queueIds] } },
      ],
    };
  }
}
