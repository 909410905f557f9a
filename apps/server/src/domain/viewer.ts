import type { Role } from '@switchboard/shared';
import type { Types } from 'mongoose';

/** Who is asking, and what they may see: agents their channels' conversations, supervisors and admins all. */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly role: Role,
    readonly channelIds: readonly Types.ObjectId[],
  ) {}

  get seesEverything(): boolean {
    return this.role !== 'agent';
  }

  canSeeChannel(channelId: Types.ObjectId): boolean {
    return this.seesEverything || this.channelIds.some((id) => id.equals(channelId));
  }

  channelFilter(): { channelId?: { $in: Types.ObjectId[] } } {
    return this.seesEverything ? {} : { channelId: { $in: [...this.channelIds] } };
  }
}
