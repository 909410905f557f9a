import type { Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { MessageContent } from '@switchboard/shared';
import type { ContactDoc } from '../models/contact.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { RouterService } from './router.service.js';
import { triageTextOf, type TriageService } from '../triage/index.js';

/** Intents that say nothing about what the customer needs: a later message may still tell. */
const VAGUE_INTENTS = new Set(['greeting', 'unknown']);

/**
 * A customer's message starts routing when their conversation is not with anyone yet (new, or reopened):
 * first triage (intent and priority, from the message text), then the router.
 * While it waits with only a greeting (or nothing clear) to go on, a later message is triaged again.
 * Messages in a conversation already assigned or with a bot change nothing here.
 */
export class InboundRouting {
  constructor(
    private readonly models: Models,
    private readonly router: RouterService,
    private readonly triage: TriageService,
  ) {}

  /** `conversation`: as storing the message just left it; `contact`: who wrote it. */
  async onInbound(message: MessageDoc, conversation: ConversationDoc, contact: ContactDoc): Promise<void> {
    if (conversation.status !== 'open') return;
    const text = triageTextOf(message.content as MessageContent);
    if (!conversation.routingState) {
      if (text && !conversation.queueId) await this.triage.triage(conversation, text, contact);
      await this.router.route(conversation._id, conversation, contact);
    } else if (text && conversation.routingState === 'waiting' && VAGUE_INTENTS.has(conversation.intent ?? 'unknown')) {
      await this.retriage(conversation, text, contact);
    }
  }

  /** "Hola" then "my payment failed": nobody has it yet, so the real request decides its queue. */
  private async retriage(conversation: ConversationDoc, text: string, contact: ContactDoc) {
    const intent = await this.triage.triage(conversation, text, contact);
    if (VAGUE_INTENTS.has(intent)) return;
    // Hot path: by _id.
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { queueId: null, routingState: null, waitingReason: null, waitingReasonPhrase: null } },
    );
    await this.router.route(conversation._id, undefined, contact);
  }
}
