import { bridge } from './bridge';

export const mentionsService = {
  list: () => bridge.api.invoke('mentions:list'),
  read: (conversationId: string) => bridge.api.invoke('mentions:read', conversationId),
};
