import type { ConversationEventDTO } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';

type Index = { apply(events: readonly ConversationEventDTO[]): void };

/**
 * Feeds the search index from the conversation log: new messages and conversations' new states, gathered
 * over one turn of the event loop and written in one transaction (one commit however busy the turn was).
 */
export function feedSearchIndex(events: DomainEvents, index: Index, logger: Logger): () => void {
  let pending: ConversationEventDTO[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      index.apply(batch);
    } catch (error) {
      // The catch-up adds what was lost here from the database.
      logger.warn({ err: error, events: batch.length }, 'search index not updated; the catch-up will');
    }
  };
  const onChanged = (event: ConversationEventDTO) => {
    if (event.type !== 'message:created' && event.type !== 'conversation:updated') return;
    pending.push(event);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  events.on('conversation.changed', onChanged);
  return () => {
    events.off('conversation.changed', onChanged);
    flush();
  };
}
