import type { ConversationEventDTO } from '@switchboard/shared';
import type { CsatSurveyService } from '../csat/index.js';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';

/** A resolve (its timeline entry, logged once) asks the customer for a rating, when their channel asks. */
export function askForRatings(events: DomainEvents, survey: CsatSurveyService, logger: Logger): () => void {
  const onChange = (event: ConversationEventDTO) => {
    if (event.type !== 'timeline:added' || event.data.kind !== 'resolved') return;
    survey.askAfterResolve(event.conversationId).catch((error: unknown) => {
      logger.warn({ err: error, conversationId: event.conversationId }, 'satisfaction survey not sent');
    });
  };
  events.on('conversation.changed', onChange);
  return () => events.off('conversation.changed', onChange);
}
