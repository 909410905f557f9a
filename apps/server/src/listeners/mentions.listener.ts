import type { ConversationEventDTO } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import type { MentionService } from '../mentions/index.js';

/** A note stored in this process: the colleagues it names get their mentions. Returns the stop. */
export function recordMentions(events: DomainEvents, mentions: MentionService, logger: Logger): () => void {
  const onChanged = (event: ConversationEventDTO) => {
    if (event.type !== 'message:created' || event.data.content.type !== 'note') return;
    mentions
      .recordFrom(event.data)
      .catch((error: unknown) => logger.warn({ err: error, messageId: event.data.id }, 'mentions not recorded'));
  };
  events.on('conversation.changed', onChanged);
  return () => events.off('conversation.changed', onChanged);
}
