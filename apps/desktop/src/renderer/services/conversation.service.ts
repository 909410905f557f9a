import type { SearchQueryInput, SendMessageRequest } from '@switchboard/shared';
import type { ConversationAction, ListInboxRequest } from '../../contract/inbox-api';
import { bridge } from './bridge';

export const conversationService = {
  list: (request: ListInboxRequest) => bridge.api.invoke('inbox:list', request),
  replyCounts: () => bridge.api.invoke('replies:counts'),
  unread: () => bridge.api.invoke('inbox:unread'),
  get: (conversationId: string) => bridge.api.invoke('conversation:get', conversationId),
  markRead: (conversationId: string) => bridge.api.invoke('conversation:read', conversationId),
  act: (conversationId: string, action: ConversationAction) =>
    bridge.api.invoke('conversation:act', conversationId, action),
  thread: (conversationId: string) => bridge.api.invoke('thread:get', conversationId),
  timeline: (conversationId: string) => bridge.api.invoke('timeline:get', conversationId),
  contactHistory: (contactId: string) => bridge.api.invoke('contact:history', contactId),
  send: (conversationId: string, request: SendMessageRequest) =>
    bridge.api.invoke('reply:send', conversationId, request),
  retry: (clientMessageId: string) => bridge.api.invoke('reply:retry', clientMessageId),
  discard: (clientMessageId: string) => bridge.api.invoke('reply:discard', clientMessageId),
  replace: (clientMessageId: string, request: SendMessageRequest) =>
    bridge.api.invoke('reply:replace', clientMessageId, request),
  /** A message WhatsApp did not deliver: sent again as `request`, or without one discarded. */
  settleFailure: (conversationId: string, messageId: string, request?: SendMessageRequest) =>
    bridge.api.invoke('message:settle-failure', conversationId, messageId, request),
  mediaUrl: (messageId: string) => bridge.api.invoke('media:url', messageId),
  templates: () => bridge.api.invoke('templates:list'),
  cannedReplies: () => bridge.api.invoke('canned:list'),
  search: (query: SearchQueryInput) => bridge.api.invoke('search:run', query),
};
