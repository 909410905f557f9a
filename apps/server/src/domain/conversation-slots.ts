import type { Types } from 'mongoose';
import { keyedId } from '../lib/keyed-id.js';
import { retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/**
 * One open conversation per contact and business number. Each pair has a slot (a document keyed by the
 * pair, so reading it is a lookup by _id) naming its latest conversation and whether it is open; the
 * conversation's unique `openKey` is what refuses a second open one when two writers race.
 */
export class ConversationSlots {
  constructor(private readonly models: Models) {}

  idOf(contactId: Types.ObjectId, channelId: Types.ObjectId): Types.ObjectId {
    return keyedId('slot', `${contactId.toHexString()}:${channelId.toHexString()}`);
  }

  /** The value an open conversation's unique `openKey` takes; a closed one's is its own id. */
  openKeyOf(contactId: Types.ObjectId, channelId: Types.ObjectId): string {
    return `${contactId.toHexString()}:${channelId.toHexString()}`;
  }

  find(slotId: Types.ObjectId) {
    // Hot path: by _id.
    return this.models.ConversationSlot.findById(slotId);
  }

  /** Two writers may create the slot at once; the loser's retry updates the winner's. */
  point(slotId: Types.ObjectId, conversationId: Types.ObjectId, open: boolean) {
    // Hot path: by _id.
    return retryOnDuplicateKey(() =>
      this.models.ConversationSlot.updateOne({ _id: slotId }, { $set: { conversationId, open } }, { upsert: true }),
    );
  }

  /**
   * Another writer opened the conversation first, or a crash left it open without its slot: point the slot
   * at the open conversation. A search by openKey, on this rare path only.
   */
  async heal(slotId: Types.ObjectId, openKey: string): Promise<ConversationDoc | null> {
    // Hot path, rarely (a lost race, a crash's leftover), scans on the embedded database: { openKey } (conversations);
    // MongoDB uses its unique index. Waiting for the winner to point the slot, and reading that by _id, would leave
    // the scan to a crash's leftovers.
    const holder = await this.models.Conversation.findOne({ openKey });
    if (!holder) return null;
    await this.point(slotId, holder._id, true);
    return holder;
  }
}
