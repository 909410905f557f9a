import type { Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { RouterService } from './router.service.js';

/**
 * A customer's message starts routing when their conversation is not with anyone yet (new, or reopened).
 * Messages in a conversation already waiting, assigned or with a bot change nothing here.
 */
export class InboundRouting {
  constructor(
    private readonly models: Models,
    private readonly router: RouterService,
  ) {}

  async onInbound(message: MessageDoc): Promise<void> {
    const conversation = await this.models.Conversation.findById(message.conversationId);
    if (!conversation || conversation.status !== 'open' || conversation.routingState) return;
    await this.router.route(conversation._id);
  }
}
