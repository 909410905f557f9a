import type { UpdateContactRequest } from '@switchboard/shared';
import { bridge } from './bridge';

export const contactService = {
  update: (contactId: string, edit: UpdateContactRequest) => bridge.api.invoke('contact:update', contactId, edit),
  changes: (contactId: string) => bridge.api.invoke('contact:changes', contactId),
  merge: (contactId: string, sourceId: string) => bridge.api.invoke('contact:merge', contactId, { sourceId }),
  search: (q: string) => bridge.api.invoke('contacts:search', { q }),
};
