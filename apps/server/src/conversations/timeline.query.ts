import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/** A conversation's automation history, oldest first, as the timeline pane shows it. */
export class TimelineQuery {
  constructor(private readonly log: ConversationLog) {}

  async list(conversation: ConversationDoc) {
    const events = await this.log.since(conversation._id, 0, Number.MAX_SAFE_INTEGER);
    return events.filter((e) => e.type === 'timeline:added').map((e) => ({ at: e.at, seq: e.seq, ...e.data }));
  }
}
