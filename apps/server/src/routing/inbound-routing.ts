import type { Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { MessageContent } from '@switchboard/shared';
import type { RouterService } from './router.service.js';
import { triageTextOf, type TriageService } from './triage.service.js';

/**
 * A customer's message starts routing when their conversation is not with anyone yet (new, or reopened):
 * first triage (intent and priority, from the message text), then the router.
 * Messages in a conversation already waiting, assigned or with a bot change nothing here.
 */
export class InboundRouting {
  constructor(
    private readonly models: Models,
    private readonly router: RouterService,
    private readonly triage: TriageService,
  ) {}

  async onInbound(message: MessageDoc): Promise<void> {
    const conversation = await this.models.Conversation.findById(message.conversationId);
    if (!conversation || conversation.status !== 'open' || conversation.routingState) return;
    const text = triageTextOf(message.content as MessageContent);
    if (text && !conversation.queueId) await this.triage.triage(conversation, text);
    await this.router.route(conversation._id);
  }
}
