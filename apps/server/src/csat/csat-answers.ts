import { said, type Language, type MessageContent } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import { csatOf, surveyScoreOf } from '../domain/survey-answers.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import type { Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { MessageDoc } from '../models/message.model.js';
import type { SendService } from '../outbound/index.js';
import type { CsatSettingsService } from './csat-settings.service.js';

/**
 * Records the customer's answer to a survey (an inbound follow-up): the score, from a tapped button (which
 * names its conversation, wherever it lands) or a digit sent to the resolved conversation, then thanks them;
 * the next message after rating, within the comment window, is kept as the rating's comment. The domain
 * (survey-answers.ts) has already kept these messages in the resolved conversation rather than reopening it.
 */
export class CsatAnswers {
  constructor(
    private readonly models: Models,
    private readonly settings: CsatSettingsService,
    private readonly send: SendService,
    private readonly conversations: ConversationService,
    private readonly timeline: TimelineWriter,
    private readonly commentMs: number,
  ) {}

  async onInbound(message: MessageDoc, conversation: ConversationDoc, contact: ContactDoc): Promise<void> {
    const content = message.content as MessageContent;
    const answer = surveyScoreOf(content);
    const named = answer?.conversationId && answer.conversationId !== conversation.id ? answer.conversationId : null;
    // Hot path: by _id.
    const target = named ? await this.models.Conversation.findById(named) : conversation;
    if (!target || !target.contactId.equals(contact._id)) return;
    const csat = csatOf(target);
    if (!csat || new Date() >= csat.expiresAt || (!named && target.status !== 'resolved')) return;
    if (answer && csat.state === 'asked') return this.rate(target, answer.score, message);
    if (!named && csat.state === 'rated' && content.type === 'text') await this.comment(target, content.body, message);
  }

  private async rate(conversation: ConversationDoc, score: number, message: MessageDoc) {
    const now = new Date();
    // Hot path: by _id.
    const rated = await this.models.Conversation.updateOne(
      { _id: conversation._id, 'csat.state': 'asked' },
      {
        $set: {
          'csat.state': 'rated',
          'csat.score': score,
          'csat.ratedAt': now,
          'csat.commentUntil': new Date(now.getTime() + this.commentMs),
        },
      },
    );
    if (rated.modifiedCount === 0) return;
    const csat = csatOf(conversation)!;
    const settings = await this.settings.get(conversation.channelId.toHexString());
    const wording = settings.wording[csat.language as Language];
    const label = wording.buttons[score - 1]!;
    await this.timeline.add(conversation, `csat-rated:${message.id}`, {
      kind: 'csat-rated',
      ...summarized(said(`Customer rated ${score}/3 (${label})`, 'timeline.csat-rated', { score, label })),
      details: { score, label, messageId: message.id },
      actorId: null,
    });
    await this.conversations.announce(conversation, `csat-rated:${message.id}`);
    await this.send.send({
      conversationId: conversation.id,
      viewer: null,
      idempotencyKey: `csat-thanks:${message.id}`,
      request: { type: 'text', body: wording.thanks },
    });
  }

  private async comment(conversation: ConversationDoc, text: string, message: MessageDoc) {
    const comment = text.trim().slice(0, 2000);
    // Hot path: by _id.
    const kept = await this.models.Conversation.updateOne(
      { _id: conversation._id, 'csat.state': 'rated', 'csat.comment': null, 'csat.commentUntil': { $gt: new Date() } },
      { $set: { 'csat.comment': comment, 'csat.commentUntil': null } },
    );
    if (kept.modifiedCount === 0) return;
    await this.timeline.add(conversation, `csat-commented:${message.id}`, {
      kind: 'csat-commented',
      ...summarized(
        said(`Customer commented on their rating: “${comment.slice(0, 120)}”`, 'timeline.csat-commented', {
          comment: comment.slice(0, 120),
        }),
      ),
      details: { score: csatOf(conversation)?.score ?? null, comment, messageId: message.id },
      actorId: null,
    });
    await this.conversations.announce(conversation, `csat-commented:${message.id}`);
  }
}
