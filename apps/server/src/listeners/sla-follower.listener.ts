import { Coalescer } from '@switchboard/concurrency';
import { Types } from 'mongoose';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { SlaService } from '../sla/index.js';

/**
 * A conversation's SLA timers follow every change announced in this process. A burst of changes to one
 * conversation is one sync from the latest state (a coalescer per conversation), never one per change.
 */
export function followWithSlaTimers(events: DomainEvents, sla: SlaService, logger: Logger): () => void {
  const follower = new Coalescer<ConversationDoc>(
    (conversationId, seen) => sla.sync(new Types.ObjectId(conversationId), seen),
    {
      onError: (error) => logger.warn({ err: error }, 'SLA timers not updated'),
    },
  );
  const onSaved = (conversation: ConversationDoc) => follower.request(conversation.id, conversation);
  events.on('conversation.saved', onSaved);
  return () => events.off('conversation.saved', onSaved);
}
