import type { ConversationEventDTO, KnownPhrase, Said, TimelineEntryDTO } from '@switchboard/shared';
import type { Change, ConversationLog } from './conversation-log.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/** An entry the server records: always with its summary as a phrase, so every client can say it in its language. */
export type TimelineEntry = TimelineEntryDTO & { summaryPhrase: KnownPhrase };
/** An entry's summary, in English and as its phrase. */
export const summarized = ({ text, phrase }: Said) => ({ summary: text, summaryPhrase: phrase });
/** A step of the automation history: `stepKey` names it within the conversation (see `TimelineWriter.add`). */
export type TimelineStep = { stepKey: string; entry: TimelineEntry };

/**
 * Writes the automation history: every automated or routing step, stored in the conversation's log and
 * pushed live. Triage, routing, SLA and the conversation actions all record steps, so it lives in the domain;
 * reading the history back is the conversations feature's (conversations/timeline.query.ts).
 */
export class TimelineWriter {
  constructor(private readonly log: ConversationLog) {}

  /**
   * `stepKey` names the step within the conversation, so a retried step is recorded once. `current`: the
   * conversation is as the caller just read or wrote it (its queue and assignee say who sees the entry), so
   * the log need not read it again.
   */
  async add(
    conversation: ConversationDoc,
    stepKey: string,
    entry: TimelineEntry,
    current = false,
  ): Promise<ConversationEventDTO | null> {
    const [event] = await this.addAll(conversation, [{ stepKey, entry }], current);
    return event ?? null;
  }

  /** Several steps taken together, in this order, in one append (see `add`). */
  addAll(
    conversation: ConversationDoc,
    steps: TimelineStep[],
    current = false,
  ): Promise<(ConversationEventDTO | null)[]> {
    return this.log.appendAll(
      steps.map((step) => this.change(conversation, step)),
      current ? conversation : undefined,
    );
  }

  /** The log change that records a step, for a caller that appends it together with others (a conversation update). */
  change(conversation: ConversationDoc, { stepKey, entry }: TimelineStep): Change {
    return {
      conversationId: conversation._id,
      channelId: conversation.channelId,
      type: 'timeline:added',
      dedupeKey: `timeline:${conversation._id.toHexString()}:${stepKey}`,
      data: entry,
    };
  }
}
