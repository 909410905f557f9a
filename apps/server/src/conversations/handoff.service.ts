import { said, type ConversationDTO, type HandoffDTO, type HandoffRequest } from '@switchboard/shared';
import type { ContactService } from '../domain/contact.service.js';
import type { ConversationService } from '../domain/conversation.service.js';
import { AppError, notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import type { Models } from '../models/index.js';
import type { BotDoc } from '../models/bot.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { Assignments, RouterService } from '../routing/index.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';

/** A router holds a conversation's turn for one decision (milliseconds); a handoff waits that out, boundedly. */
const MAX_TURN_ATTEMPTS = 40;
const TURN_PAUSE_MS = 25;

/**
 * Bots hand conversations to humans with their context (what they understood, collected and did), and take
 * them back when humans are done. A handed-over conversation is routed like any other; the context and every
 * bot step go into the automation history, so the agent starts where the bot stopped.
 */
export class HandoffService {
  constructor(
    private readonly models: Models,
    private readonly contacts: ContactService,
    private readonly conversations: ConversationService,
    private readonly router: RouterService,
    private readonly assignments: Assignments,
    private readonly timeline: TimelineWriter,
  ) {}

  /** `handoffKey` names this handoff, so a bot retrying the same call records it once. */
  async handoff(bot: BotDoc, request: HandoffRequest, handoffKey: string): Promise<ConversationDTO> {
    const conversation = await this.conversationFor(request);
    const { context } = request;
    const handoff: HandoffDTO = {
      ...context,
      botId: bot.id,
      botName: bot.name,
      reason: request.reason,
      at: new Date().toISOString(),
    };
    await this.models.Conversation.updateOne(
      { _id: conversation._id },
      { $set: { handoff, ...(context.intent ? { intent: context.intent } : {}) } },
    );
    await this.routeAfresh(conversation);
    const step = `bot-handoff:${handoffKey}`;
    await this.timeline.add(conversation, step, {
      kind: 'bot-handoff',
      ...summarized(
        said(`${bot.name} handed over: ${request.reason}`, 'timeline.bot-handoff', {
          bot: bot.name,
          reason: request.reason,
        }),
      ),
      details: {
        reason: request.reason,
        intent: context.intent ?? null,
        confidence: context.confidence ?? null,
        summary: context.summary ?? null,
        attributes: context.attributes ?? {},
      },
      actorId: null,
    });
    for (const [i, botStep] of (context.steps ?? []).entries()) {
      await this.timeline.add(conversation, `${step}:step:${i}`, {
        kind: 'bot-step',
        ...summarized(said(botStep.action, 'timeline.bot-step', { action: botStep.action })),
        details: { ...botStep },
        actorId: null,
      });
    }
    await this.conversations.announce(conversation, step);
    await this.router.route(conversation._id);
    return this.conversations.current(conversation.id);
  }

  /** The bot takes the conversation back: the agent's capacity is freed, routing leaves it alone. */
  async resume(bot: BotDoc, conversationId: string, reason: string | undefined): Promise<ConversationDTO> {
    const conversation = await this.models.Conversation.findById(conversationId);
    if (!conversation) throw notFound('conversation');
    await this.assignments.release(conversation, null, { toBot: true });
    await this.timeline.add(conversation, `bot-resumed:${conversation.routingEpoch}:${Date.now()}`, {
      kind: 'bot-resumed',
      ...summarized(
        reason
          ? said(`${bot.name} took the conversation back: ${reason}`, 'timeline.bot-resumed-because', {
              bot: bot.name,
              reason,
            })
          : said(`${bot.name} took the conversation back`, 'timeline.bot-resumed', { bot: bot.name }),
      ),
      details: { reason: reason ?? null },
      actorId: null,
    });
    await this.conversations.announce(conversation, `bot-resumed:${Date.now()}`);
    return this.conversations.current(conversationId);
  }

  /**
   * Not with a human yet: its queue is chosen afresh from what the bot learned. The routing decision is
   * cleared during a routing turn, so a router deciding this conversation at the same moment (the routing
   * heartbeat) cannot assign it from the queue being cleared, leaving it assigned with no queue.
   */
  private async routeAfresh(conversation: ConversationDoc): Promise<void> {
    for (let attempt = 1; attempt <= MAX_TURN_ATTEMPTS; attempt++) {
      const current = await this.models.Conversation.findById(conversation._id).orFail();
      if (current.routingState === 'assigned') return;
      const turn = await this.assignments.begin(current);
      if (turn) {
        try {
          if (turn.conversation.routingState !== 'assigned') {
            await this.models.Conversation.updateOne(
              { _id: conversation._id },
              { $set: { routingState: null, queueId: null, waitingReason: null, waitingReasonPhrase: null } },
            );
          }
        } finally {
          await this.assignments.end(turn);
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, TURN_PAUSE_MS));
    }
    throw new AppError(
      'CONFLICT',
      'the conversation is being routed right now; send the handoff again with the same Idempotency-Key',
    );
  }

  private async conversationFor(request: HandoffRequest): Promise<ConversationDoc> {
    if (request.conversationId) {
      const conversation = await this.models.Conversation.findById(request.conversationId);
      if (!conversation) throw notFound('conversation');
      return conversation;
    }
    const customer = request.customer!;
    const channel = await this.models.Channel.findById(keyedId('channel', customer.phoneNumberId));
    if (!channel) throw notFound(`business number ${customer.phoneNumberId}`);
    const contact = await this.contacts.find({ waId: customer.waId ?? null, userId: customer.userId ?? null });
    if (!contact) throw notFound('customer (they have not written to this business yet)');
    return this.conversations.openFor(contact._id, channel._id, new Date());
  }
}
