import { z } from 'zod';
import { ConversationDTO, MessageDTO, pageOf, UserDTO } from '@switchboard/shared';

const PAGE_SIZE = 200;
/** A request the server never answers must not hold up the next sync round (or the engine's stop) forever. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The REST calls of the initial load; every answer is checked against the shared schema before it is cached. */
export function createRestClient(serverUrl: string, token: string) {
  async function get<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S>> {
    const res = await fetch(new URL(path, serverUrl), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return schema.parse(await res.json());
  }

  async function all<S extends z.ZodTypeAny>(path: string, item: S): Promise<z.infer<S>[]> {
    const items: z.infer<S>[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
      const page: { items: z.infer<S>[]; nextCursor: string | null } = await get(`${path}?${query}`, pageOf(item));
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  return {
    me: () => get('/api/me', UserDTO),
    conversations: () => all('/api/conversations', ConversationDTO),
    messages: (conversationId: string) => all(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, MessageDTO),
  };
}
export type RestClient = ReturnType<typeof createRestClient>;
