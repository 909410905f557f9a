import { ConversationDTO } from '@switchboard/shared';
import type { ConversationAction } from '../contract/inbox-api.js';
import type { RestClient } from '../engine/rest-client.js';

/** One action on a conversation, as the server's REST call that performs it; answers the updated conversation. */
export function act(rest: RestClient, conversationId: string, action: ConversationAction): Promise<ConversationDTO> {
  const at = (verb: string) => `/api/conversations/${encodeURIComponent(conversationId)}/${verb}`;
  const post = (verb: string, body?: unknown) => rest.call('POST', at(verb), body, ConversationDTO);
  switch (action.type) {
    case 'claim':
    case 'give-back':
    case 'resolve':
    case 'reopen':
      return post(action.type);
    case 'transfer':
      return post(
        'transfer',
        action.toUserId
          ? { toUserId: action.toUserId, overCapacity: action.overCapacity }
          : { toQueueId: action.toQueueId },
      );
    case 'assign':
      return post('assign', { userId: action.userId, overCapacity: action.overCapacity });
    case 'snooze':
      return post('snooze', { until: action.until });
    case 'escalate':
      return post('escalate', { reason: action.reason });
    case 'labels':
      return rest.call('PUT', at('labels'), { labels: action.labels }, ConversationDTO);
    case 'intent':
      return rest.call('PUT', at('intent'), { intent: action.intent }, ConversationDTO);
  }
}
