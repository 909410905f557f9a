import { createHash } from 'node:crypto';
import {
  PRIORITY_ORDER,
  said,
  type ExtractedEntity,
  type MessageContent,
  type PolicySample,
  type Priority,
  type PriorityRuleSet,
} from '@switchboard/shared';
import { extractEntities } from './entities/index.js';
import { createIntentClassifier, type IntentClassification, type IntentClassifier } from './intent-classifier.js';
import { createPriorityRules, type PriorityDecision, type PriorityRules } from './priority-rules.js';
import type { Live } from '../domain/versioned-setting.js';
import type { Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';
import { attributesOf } from '../models/to-dto.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { ConversationService } from '../domain/conversation.service.js';
import { summarized, type TimelineWriter, type TimelineStep } from '../domain/timeline-writer.js';

/** The text a customer's message carries, for classification: bodies, captions, button and list titles. */
export function triageTextOf(content: MessageContent): string | null {
  switch (content.type) {
    case 'text':
      return content.body;
    case 'image':
    case 'video':
    case 'document':
      return content.caption;
    case 'interactive':
      return [content.title, content.description].filter(Boolean).join(' ') || null;
    case 'button':
      return content.text;
    default:
      return null;
  }
}

let shared: Promise<IntentClassifier> | null = null;

/** Training takes seconds and gives the same model every time: one per process. */
export function sharedIntentClassifier(): Promise<IntentClassifier> {
  shared ??= createIntentClassifier();
  return shared;
}

/**
 * Triage: what the customer wants (intent, with language and sentiment) and how urgent it is (priority from
 * the declarative rules), both written to the automation history with their reasons.
 */
export class TriageService {
  constructor(
    private readonly models: Models,
    private readonly classifier: IntentClassifier,
    private readonly rules: Live<PriorityRules>,
    private readonly timeline: TimelineWriter,
    private readonly conversations: ConversationService,
  ) {}

  /**
   * Classifies what the customer wrote and sets the priority it calls for, in one write. `conversation`: as
   * the caller just read it (its log, queue and assignee are current); `contact`, when the caller has it.
   * Returns the intent.
   */
  async triage(conversation: ConversationDoc, text: string, contact?: ContactDoc): Promise<string> {
    const result = await this.classifier.classify(text);
    const entities = extractEntities(text, result.language, new Date());
    const triage = {
      confidence: result.confidence,
      sentiment: result.sentiment,
      text: text.slice(0, 500),
      secondaryIntent: result.secondary,
      entities,
    };
    // Hot path: by _id.
    const customer = contact ?? (await this.models.Contact.findById(conversation.contactId));
    const decision = this.rules.current().evaluatePriority({
      intent: result.intent,
      ...triage,
      contact: ruleContactOf(customer),
      waitingMinutes: 0,
      entities,
    });
    // A new look at what the customer wrote must not lower a conversation an agent escalated.
    const prioritized =
      !conversation.escalatedAt || PRIORITY_ORDER[decision.priority] > PRIORITY_ORDER[conversation.priority];
    // Hot path: by _id.
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      {
        $set: {
          intent: result.intent,
          language: result.language,
          triage,
          // A fresh read of the customer replaces the classifier's earlier answer, not a person's correction of it.
          intentCorrection: null,
          ...(prioritized ? { priority: decision.priority } : {}),
        },
      },
    );
    const percent = Math.round(result.confidence * 100);
    const textKey = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const triaged: TimelineStep = {
      stepKey: `triaged:${conversation.routingEpoch}:${textKey}`,
      entry: {
        kind: 'triaged',
        ...summarized(
          said(
            `Intent ${result.intent} (${percent}% sure)${result.secondary ? `, also ${result.secondary}` : ''}, ` +
              `${result.language}, sentiment ${result.sentiment.toFixed(2)}`,
            'timeline.triaged',
            {
              intent: result.intent,
              confidence: result.confidence,
              language: result.language,
              sentiment: result.sentiment,
            },
          ),
        ),
        details: {
          intent: result.intent,
          secondaryIntent: result.secondary,
          entities,
          confidence: result.confidence,
          language: result.language,
          sentiment: result.sentiment,
          alternatives: result.alternatives.slice(0, 3),
        },
        actorId: null,
      },
    };
    await this.timeline.addAll(
      conversation,
      prioritized ? [triaged, priorityStep(conversation, decision, 0)] : [triaged],
      true,
    );
    return result.intent;
  }

  /** Raises the priority from the rules as the wait grows (`waitingMinutes`); returns the new priority when it changed. */
  async prioritize(conversation: ConversationDoc, waitingMinutes: number): Promise<Priority | null> {
    // Hot path: by _id.
    const fresh = await this.models.Conversation.findById(conversation._id).orFail();
    const triage = fresh.triage as {
      confidence: number;
      sentiment: number;
      text: string;
      entities?: ExtractedEntity[];
    } | null;
    if (!triage || !fresh.intent) return null;
    // Hot path: by _id.
    const contact = await this.models.Contact.findById(fresh.contactId);
    const decision = this.rules.current().evaluatePriority({
      intent: fresh.intent as never,
      confidence: triage.confidence,
      sentiment: triage.sentiment,
      text: triage.text,
      contact: ruleContactOf(contact),
      waitingMinutes,
      entities: triage.entities ?? [],
    });
    // Later looks only ever raise it: a priority an SLA escalation raised must not fall back.
    if (PRIORITY_ORDER[decision.priority] <= PRIORITY_ORDER[fresh.priority]) return null;
    // Hot path: by _id.
    await this.models.Conversation.updateOne({ _id: fresh._id }, { $set: { priority: decision.priority } });
    // Announced with its reason in one append: every inbox re-sorts by the new priority (a VIP made by an edit,
    // a wait grown long), not only at the conversation's next change.
    await this.conversations.announce(fresh, `prioritized:${fresh.seq}:${decision.priority}`, undefined, [
      this.timeline.change(fresh, priorityStep(fresh, decision, waitingMinutes)),
    ]);
    return decision.priority;
  }
}

/** A sample conversation as the preview reads it (the shared PolicySample, defaults applied). */
export type ParsedPolicySample = Omit<PolicySample, 'waitingMinutes'> & { waitingMinutes: number };

/** What triage makes of a sample: its classification (or the intent it names) and the priority the rules give. */
export type PriorityPreview = PriorityDecision & {
  intent: IntentClassification['intent'];
  intentSource: 'classifier' | 'given';
  confidence: number;
  language: IntentClassification['language'];
  sentiment: number;
};

/** Triage of a sample under the saved rules or a draft (checked by the caller), writing nothing. */
export async function previewPriority(
  classifier: IntentClassifier,
  rules: PriorityRules | PriorityRuleSet,
  sample: ParsedPolicySample,
): Promise<PriorityPreview> {
  const classified = await classifier.classify(sample.text, sample.language);
  const intent = sample.intent ?? classified.intent;
  const evaluator = 'evaluatePriority' in rules ? rules : createPriorityRules(rules, 'the draft');
  const decision = evaluator.evaluatePriority({
    intent,
    confidence: sample.intent ? 1 : classified.confidence,
    sentiment: classified.sentiment,
    text: sample.text,
    contact: { tier: sample.tier ?? null, ...(sample.attributes ? { attributes: sample.attributes } : {}) },
    waitingMinutes: sample.waitingMinutes,
  });
  return {
    ...decision,
    intent,
    intentSource: sample.intent ? 'given' : 'classifier',
    confidence: sample.intent ? 1 : classified.confidence,
    language: sample.language ?? classified.language,
    sentiment: classified.sentiment,
  };
}

/** What priority rules read of the customer: their tier and custom attributes. */
function ruleContactOf(contact: ContactDoc | null | undefined) {
  return { tier: contact?.tier ?? null, attributes: contact ? attributesOf(contact) : {} };
}

/** The timeline step that says why the priority is what it is. */
function priorityStep(conversation: ConversationDoc, decision: PriorityDecision, waitingMinutes: number): TimelineStep {
  const rules = decision.matchedRules.map((r) => r.description).join('; ');
  const { priority } = decision;
  return {
    stepKey: `prioritized:${conversation.routingEpoch}:${decision.priority}`,
    entry: {
      kind: 'prioritized',
      ...summarized(
        rules
          ? said(`Priority ${priority}: ${rules}`, 'timeline.prioritized', { priority, rules })
          : said(`Priority ${priority}: no rule matched`, 'timeline.prioritized-no-rule', { priority }),
      ),
      details: { priority: decision.priority, matchedRules: decision.matchedRules, waitingMinutes },
      actorId: null,
    },
  };
}
