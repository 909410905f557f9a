import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { TriageService } from '../triage/index.js';

const waitingMinutesOf = (c: ConversationDoc, now: number) =>
  c.routingState === 'waiting' ? Math.floor((now - (c.waitingSince ?? c.openedAt).getTime()) / 60_000) : 0;

/**
 * Priority rules read the customer's tier and attributes: when an agent makes a customer VIP (or changes an
 * attribute a rule reads), their open conversations are weighed again at once. Priorities only rise here,
 * as with every later look (an agent's escalation or a long wait must not fall back). Returns the stop.
 */
export function reprioritizeOnProfileChange(
  events: DomainEvents,
  models: Models,
  triage: TriageService,
  logger: Logger,
): () => void {
  const onChanged = (contactId: string, fields: string[]) => {
    if (!fields.some((f) => f === 'tier' || f.startsWith('attribute:'))) return;
    void (async () => {
      const open = await models.Conversation.find({ contactId, status: 'open' });
      for (const conversation of open)
        await triage.prioritize(conversation, waitingMinutesOf(conversation, Date.now()));
    })().catch((error: unknown) => logger.warn({ err: error, contactId }, 'priority not weighed again'));
  };
  events.on('contact.changed', onChanged);
  return () => events.off('contact.changed', onChanged);
}
