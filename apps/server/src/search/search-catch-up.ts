import type { Types } from 'mongoose';
import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import { toConversationDTO, toMessageDTO } from '../models/to-dto.js';
import type { SearchIndex } from './search-index.js';

/** Past this many conversations missing messages, one pass over all messages beats a query per conversation. */
const FULL_PASS_AFTER = 50;
const WRITE_BATCH = 500;

/**
 * Brings the index level with the database, from the database's own records: conversations whose state
 * moved past what the index holds are indexed again, and messages it lacks (a process died between storing a
 * message and indexing it, or the index file is new) are added. Reads each collection once, streaming; on a
 * new index that is the rebuild.
 */
export class SearchCatchUp {
  constructor(
    private readonly models: Models,
    private readonly index: SearchIndex,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<{ conversations: number; messages: number }> {
    const started = Date.now();
    const lacking: Types.ObjectId[] = [];
    let conversations = 0;
    let batch: Parameters<SearchIndex['putConversation']>[0][] = [];
    const write = () => {
      const current = batch;
      batch = [];
      this.index.db.transaction(() => current.forEach((c) => this.index.putConversation(c)))();
    };
    for await (const conversation of this.models.Conversation.find().cursor({ batchSize: 500 })) {
      const held = this.index.state(conversation.id);
      if (!held || held.stateSeq < conversation.seq) {
        const contact = await this.models.Contact.findById(conversation.contactId);
        if (contact) batch.push(toConversationDTO(conversation, contact));
        conversations++;
        if (batch.length >= WRITE_BATCH) write();
      }
      if ((held?.messages ?? 0) < conversation.messageCount) lacking.push(conversation._id);
    }
    write();
    const messages = await this.addMessages(lacking);
    if (conversations + messages > 0)
      this.logger.info({ conversations, messages, ms: Date.now() - started }, 'search index caught up');
    return { conversations, messages };
  }

  private async addMessages(conversationIds: Types.ObjectId[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    const filter = conversationIds.length > FULL_PASS_AFTER ? {} : { conversationId: { $in: conversationIds } };
    let added = 0;
    let batch: ReturnType<typeof toMessageDTO>[] = [];
    const write = () => {
      const current = batch;
      batch = [];
      this.index.db.transaction(() => current.forEach((m) => this.index.putMessage(m)))();
    };
    for await (const message of this.models.Message.find(filter).cursor({ batchSize: 1000 })) {
      batch.push(toMessageDTO(message));
      added++;
      if (batch.length >= WRITE_BATCH) write();
    }
    write();
    return added;
  }
}
