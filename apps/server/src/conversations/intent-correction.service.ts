import {
  said,
  type ConversationDTO,
  type CorrectIntentRequest,
  type IntentCorrectionDTO,
  type IntentLabel,
} from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { TimelineWriter } from '../domain/timeline-writer.js';
import type { Viewer } from '../domain/viewer.js';
import type { Models } from '../models/index.js';
import type { RouterService } from '../routing/index.js';
import type { TriageService } from '../triage/index.js';
import { actorName, recordAction } from './action-notes.js';

/**
 * An agent or supervisor fixing what triage said a conversation is about. The correction is kept on the
 * conversation (who, when, from what) and as a training example for the next training; the priority rules
 * read the new intent, and the conversation moves when another queue takes it.
 */
export class IntentCorrections {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly timeline: TimelineWriter,
    private readonly router: RouterService,
    private readonly triage: TriageService,
  ) {}

  /** The same intent again changes nothing. */
  async correct(id: string, { intent }: CorrectIntentRequest, viewer: Viewer): Promise<ConversationDTO> {
    const conversation = await this.conversations.findVisible(id, viewer);
    const from = (conversation.intent ?? null) as IntentLabel | null;
    if (from === intent) return this.conversations.current(id);
    const name = await actorName(this.models, viewer.userId);
    const correction: IntentCorrectionDTO = {
      from,
      to: intent,
      byUserId: viewer.userId,
      byName: name,
      at: new Date().toISOString(),
    };
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { intent, intentCorrection: correction } },
    );
    const text = (conversation.triage as { text?: string } | null)?.text;
    if (text) {
      await this.models.IntentCorrection.create({
        conversationId: conversation._id,
        text,
        language: conversation.language ?? 'en',
        from,
        to: intent,
        byUserId: viewer.userId,
      });
    }
    await recordAction(
      { timeline: this.timeline, conversations: this.conversations },
      conversation,
      'intent-corrected',
      from
        ? said(`Intent corrected by ${name}: ${from} → ${intent}`, 'timeline.intent-corrected', {
            actor: name,
            from,
            to: intent,
          })
        : said(`Intent corrected by ${name}: none → ${intent}`, 'timeline.intent-set', { actor: name, to: intent }),
      { from, to: intent, learnedFrom: text ? 'the triaged message' : null },
      viewer,
    );
    const updated = await this.models.Conversation.findById(conversation._id).orFail();
    await this.triage.prioritize(updated, 0);
    await this.router.rerouteForIntent(conversation._id, viewer.userId);
    return this.conversations.current(id);
  }
}
