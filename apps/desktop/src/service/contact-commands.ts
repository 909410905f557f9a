import { z } from 'zod';
import { ContactChangeDTO, ContactDTO } from '@switchboard/shared';
import type { RestClient } from '../engine/rest-client.js';
import type { Handlers } from './inbox-commands.js';
import { answerOf } from './server-answer.js';

type ContactCommands = Pick<Handlers, 'contact:update' | 'contact:changes' | 'contact:merge' | 'contacts:search'>;

const items = <S extends z.ZodTypeAny>(item: S) => z.object({ items: z.array(item) });
const contactPath = (id: string, rest = '') => `/api/contacts/${encodeURIComponent(id)}${rest}`;

/**
 * Contact profiles, straight from the server: they are not kept on this device, so these need it online. An
 * edit or merge reaches the lists through the server's push of the contact's conversations, as any change does.
 */
export function contactCommands(rest: () => RestClient): ContactCommands {
  return {
    'contact:update': (id, edit) => answerOf(() => rest().call('PATCH', contactPath(id), edit, ContactDTO)),
    'contact:changes': async (id) => (await rest().get(contactPath(id, '/changes'), items(ContactChangeDTO))).items,
    'contact:merge': (id, request) =>
      answerOf(() => rest().call('POST', contactPath(id, '/merge'), request, ContactDTO)),
    'contacts:search': async ({ q, limit }) =>
      (await rest().get(`/api/contacts?${new URLSearchParams({ q, limit: String(limit) })}`, items(ContactDTO))).items,
  };
}
