import type { ConversationEventDTO, TimelineEntryDTO } from '@switchboard/shared';
import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/** The automation history: every automated or routing step, stored in the conversation's log and pushed live. */
export class TimelineService {
  constructor(private readonly log: ConversationLog) {}

  /**
   * `stepKey` names the step within the conversation, so a retried step is recorded once. `current`: the
   * conversation is as the caller just read or wrote it (its queue and assignee say who sees the entry), so
   * the log need not read it again.
   */
  async add(conversation: ConversationDoc, stepKey: string, entry: TimelineEntryDTO, current = false): Promise<ConversationEventDTO | null> {
    return this.log.append(
      {
        conversationId: conversation._id,
        channelId: conversation.channelId,
        type: 'timeline:added',
        dedupeKey: `timeline:${conversation._id.toHexString()}:${stepKey}`,
        data: entry,
      },
      current ? { seq: conversation.seq, queueId: conversation.queueId, assigneeId: conversation.assigneeId } : undefined,
    );
  }

  async list(conversation: ConversationDoc) {
    const events = await this.log.since(conversation._id, 0, Number.MAX_SAFE_INTEGER);
    return events.filter((e) => e.type === 'timeline:added').map((e) => ({ at: e.at, seq: e.seq, ...e.data }));
  }
}
