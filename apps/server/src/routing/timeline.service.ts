import type { TimelineEntryDTO } from '@switchboard/shared';
import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/** The automation history: every automated or routing step, stored in the conversation's log and pushed live. */
export class TimelineService {
  constructor(private readonly log: ConversationLog) {}

  /** `stepKey` names the step within the conversation, so a retried step is recorded once. */
  async add(conversation: ConversationDoc, stepKey: string, entry: TimelineEntryDTO): Promise<void> {
    await this.log.append({
      conversationId: conversation._id,
      channelId: conversation.channelId,
      type: 'timeline:added',
      dedupeKey: `timeline:${conversation._id.toHexString()}:${stepKey}`,
      data: entry,
    });
  }

  async list(conversation: ConversationDoc) {
    const events = await this.log.since(conversation._id, 0, Number.MAX_SAFE_INTEGER);
    return events.filter((e) => e.type === 'timeline:added').map((e) => ({ at: e.at, seq: e.seq, ...e.data }));
  }
}
