import { said, type Language, type Said } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import { csatButtonId, csatOf } from '../domain/survey-answers.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { StoredCsat } from '../models/to-dto.js';
import type { SendService, TemplateService } from '../outbound/index.js';
import type { CsatSettingsService } from './csat-settings.service.js';
import { TEMPLATE_LANGUAGES } from './csat-wording.js';

/**
 * Asks a customer to rate the help they got, once per resolve, when the channel asks: inside WhatsApp's
 * 24-hour window as three reply buttons, outside it as the channel's approved survey template (answered with
 * the digit). Never to a customer who opted out, and never again once they rated the conversation.
 */
export class CsatSurveyService {
  constructor(
    private readonly models: Models,
    private readonly settings: CsatSettingsService,
    private readonly send: SendService,
    private readonly templates: TemplateService,
    private readonly conversations: ConversationService,
    private readonly timeline: TimelineWriter,
    private readonly answerMs: number,
  ) {}

  async askAfterResolve(conversationId: string): Promise<void> {
    const conversation = await this.models.Conversation.findById(conversationId);
    if (!conversation || conversation.status !== 'resolved' || !conversation.resolvedAt) return;
    const asked = csatOf(conversation);
    if (asked?.state === 'rated' || (asked && asked.askedAt >= conversation.resolvedAt)) return;
    const settings = await this.settings.get(conversation.channelId.toHexString());
    if (!settings.enabled) return;
    const contact = await this.models.Contact.findById(conversation.contactId).orFail();
    if (contact.optedOut)
      return this.skip(
        conversation,
        said('the customer opted out of business messages', 'timeline.csat-skipped-opted-out', {}),
      );
    const language = (conversation.language ?? 'en') as Language;
    const wording = settings.wording[language];
    const key = `csat:${conversation.id}:${conversation.resolvedAt.getTime()}`;
    let via: StoredCsat['via'] = 'buttons';
    if (this.send.windowOpen(conversation)) {
      await this.send.sendButtons(conversation.id, key, {
        body: wording.question,
        buttons: wording.buttons.map((title, i) => ({ id: csatButtonId(conversation.id, i + 1), title })),
      });
    } else {
      const code = await this.approvedTemplate(settings.templateName, language);
      if (!code)
        return this.skip(
          conversation,
          said(`no approved template ${settings.templateName} in ${language}`, 'timeline.csat-skipped-no-template', {
            template: settings.templateName,
            language,
          }),
        );
      await this.send.send({
        conversationId: conversation.id,
        viewer: null,
        idempotencyKey: key,
        request: { type: 'template', template: { name: settings.templateName, language: code, parameters: [] } },
      });
      via = 'template';
    }
    const now = new Date();
    const csat: StoredCsat = {
      state: 'asked',
      askedAt: now,
      via,
      language,
      expiresAt: new Date(now.getTime() + this.answerMs),
      score: null,
      ratedAt: null,
      comment: null,
      commentUntil: null,
    };
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { csat } });
    const how =
      via === 'buttons'
        ? said('Satisfaction survey sent (reply buttons)', 'timeline.csat-asked-buttons', {})
        : said(`Satisfaction survey sent (template ${settings.templateName})`, 'timeline.csat-asked-template', {
            template: settings.templateName,
          });
    await this.timeline.add(conversation, `csat-asked:${key}`, {
      kind: 'csat-asked',
      ...summarized(how),
      details: { via, language },
      actorId: null,
    });
    await this.conversations.announce(conversation, `csat-asked:${key}`);
  }

  private async approvedTemplate(name: string, language: Language): Promise<string | null> {
    const approved = await this.templates.list({ name, status: 'approved' });
    return TEMPLATE_LANGUAGES[language].find((code) => approved.some((t) => t.language === code)) ?? null;
  }

  private async skip(conversation: ConversationDoc, why: Said) {
    await this.timeline.add(conversation, `csat-skipped:${conversation.resolvedAt?.getTime()}`, {
      kind: 'csat-skipped',
      summary: `Satisfaction survey not sent: ${why.text}`,
      summaryPhrase: why.phrase,
      details: { reason: why.text },
      actorId: null,
    });
  }
}
