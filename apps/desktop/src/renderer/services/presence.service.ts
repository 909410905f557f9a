import { bridge } from './bridge';

export const presenceService = {
  view: (conversationId: string | null) => bridge.api.invoke('conversation:view', conversationId),
  typing: (conversationId: string, typing: boolean) => bridge.api.invoke('conversation:typing', conversationId, typing),
};
