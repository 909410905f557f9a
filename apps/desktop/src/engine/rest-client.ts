import { z } from 'zod';
import {
  ConversationDTO,
  ErrorIssue,
  LoginResponse,
  MessageDTO,
  pageOf,
  UserDTO,
  type LoginRequest,
} from '@switchboard/shared';

const PAGE_SIZE = 200;
/** A request the server never answers must not hold up the next sync round (or the engine's stop) forever. */
const REQUEST_TIMEOUT_MS = 15_000;

// The code is kept as a string: a newer server may answer with a code this app does not know yet.
const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(ErrorIssue).optional() }),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The server refused a request; `code` is the shared error code it answered with. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The fields the server named as at fault (`body.email`), when it named any. */
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

async function send<S extends z.ZodTypeAny>(url: URL, init: RequestInit, schema: S): Promise<z.infer<S>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) {
    const text = await res.text();
    const body = ErrorBody.safeParse(parseJson(text));
    if (body.success)
      throw new RestError(res.status, body.data.error.code, body.data.error.message, body.data.error.issues ?? []);
    throw new RestError(
      res.status,
      res.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED',
      `${init.method ?? 'GET'} ${url.pathname} answered ${res.status}: ${text}`,
    );
  }
  return schema.parse(res.status === 204 ? undefined : await res.json());
}

/** Signs in: the one call made without a token. */
export function login(serverUrl: string, credentials: LoginRequest): Promise<LoginResponse> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) };
  return send(new URL('/api/auth/login', serverUrl), init, LoginResponse);
}

/** The server's REST API as the desktop uses it; every answer is checked against the shared schema. */
export function createRestClient(serverUrl: string, token: string) {
  const headers = { authorization: `Bearer ${token}` };

  function get<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S>> {
    return send(new URL(path, serverUrl), { headers }, schema);
  }

  function call<S extends z.ZodTypeAny>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    const init: RequestInit =
      body === undefined
        ? { method, headers }
        : { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return send(new URL(path, serverUrl), init, schema);
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
    messages: (conversationId: string) =>
      all(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, MessageDTO),
    get,
    call,
    /** A raw authorised request, for streams (media) that are passed on rather than parsed. */
    fetchRaw: (path: string, signal?: AbortSignal) =>
      fetch(new URL(path, serverUrl), { headers, ...(signal ? { signal } : {}) }),
  };
}
export type RestClient = ReturnType<typeof createRestClient>;
