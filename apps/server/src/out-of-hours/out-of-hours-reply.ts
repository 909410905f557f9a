import { DateTime } from 'luxon';
import { said, type Language, type OutOfHoursReply, type Said } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import type { Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { MessageDoc } from '../models/message.model.js';
import type { SendService } from '../outbound/index.js';
import { closedUntil, parseBusinessHours } from '../routing/index.js';

/** When the queue opens, on its own clock: `Mon 7 Dec 09:00 (Europe/Madrid)`. */
const localTime = (at: Date, zone: string) =>
  `${DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL HH:mm')} (${zone})`;

const LANGUAGES: readonly Language[] = ['en', 'es', 'pt'];

/** The reply in the conversation's language, else in the first language the queue wrote it in. */
export function replyText(reply: OutOfHoursReply, language: string | null | undefined): string | null {
  const preferred = LANGUAGES.find((l) => l === language);
  const text = (preferred && reply.messages[preferred]) || LANGUAGES.map((l) => reply.messages[l]).find(Boolean);
  return text ?? null;
}

/**
 * The queue's out-of-hours reply: when a customer writes while their conversation's queue is closed, it answers
 * once for that closed period (named by the opening that ends it), through the normal send path (consent,
 * window, outbox retries). Runs after routing, which gives a new conversation its queue. A customer who opted
 * out gets nothing; the automation history says so.
 */
export class OutOfHoursReplies {
  constructor(
    private readonly models: Models,
    private readonly send: SendService,
    private readonly timeline: TimelineWriter,
    private readonly conversations: ConversationService,
  ) {}

  async onInbound(_message: MessageDoc, stored: ConversationDoc, _contact: ContactDoc): Promise<void> {
    // Routing may have just given it a queue, and a STOP just opted the customer out: read both as they stand.
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(stored._id);
    if (!conversation || conversation.status !== 'open' || !conversation.queueId) return;
    // Hot path: by _id.
    const queue = await this.models.Queue.findById(conversation.queueId);
    const reply = queue?.outOfHours as OutOfHoursReply | null | undefined;
    if (!queue?.businessHours || !reply?.enabled) return;
    const hours = parseBusinessHours(queue.businessHours);
    const opens = closedUntil(new Date(), hours);
    if (!opens || conversation.outOfHoursRepliedUntil?.getTime() === opens.getTime()) return;
    const period = `out-of-hours:${opens.toISOString()}`;
    // Hot path: by _id.
    const contact = await this.models.Contact.findById(conversation.contactId).orFail();
    const text = replyText(reply, conversation.language);
    if (contact.optedOut || !text || !this.send.windowOpen(conversation)) {
      const why = contact.optedOut
        ? said('the customer opted out of business messages', 'timeline.out-of-hours-opted-out', {})
        : !text
          ? said('the queue has no reply text', 'timeline.out-of-hours-no-text', {})
          : said('the customer’s 24-hour window is closed', 'timeline.out-of-hours-window-closed', {});
      return this.skip(conversation, period, why);
    }
    await this.send.send({
      conversationId: conversation.id,
      viewer: null,
      idempotencyKey: `${period}:${conversation.id}`,
      request: { type: 'text', body: text },
    });
    // Hot path: by _id.
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { outOfHoursRepliedUntil: opens } });
    await this.timeline.add(conversation, period, {
      kind: 'out-of-hours-reply',
      ...summarized(
        said(
          `${queue.name} is closed until ${localTime(opens, hours.timezone)}: sent its out-of-hours reply`,
          'timeline.out-of-hours-reply',
          { queue: queue.name, opensAt: opens.toISOString() },
        ),
      ),
      details: { queueId: queue.id, opensAt: opens.toISOString(), language: conversation.language ?? null },
      actorId: null,
    });
    await this.conversations.announce(conversation, period);
  }

  private async skip(conversation: ConversationDoc, period: string, why: Said) {
    await this.timeline.add(conversation, `${period}:skipped`, {
      kind: 'out-of-hours-skipped',
      summary: `Out-of-hours reply not sent: ${why.text}`,
      summaryPhrase: why.phrase,
      details: { reason: why.text },
      actorId: null,
    });
  }
}
