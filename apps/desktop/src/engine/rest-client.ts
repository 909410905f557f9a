import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { z } from 'zod';
import {
  ConversationDTO,
  ErrorIssue,
  LoginResponse,
  MessageDTO,
  pageOf,
  UploadDTO,
  UserDTO,
  type LoginRequest,
} from '@switchboard/shared';

const PAGE_SIZE = 200;
/** A request the server never answers must not hold up the next sync round (or the engine's stop) forever. */
const REQUEST_TIMEOUT_MS = 15_000;
/** An upload of WhatsApp's largest file (100 MB) needs minutes on a slow link. */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

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

async function send<S extends z.ZodTypeAny>(
  url: URL,
  init: RequestInit,
  schema: S,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<z.infer<S>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
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

/** A file on disk to upload, and who hears how far it got. */
export type UploadSource = {
  path: string;
  filename: string;
  mimeType: string;
  size: number;
  onProgress: (sentBytes: number) => void;
};

/** The file's bytes as a request body, counting each piece as it is handed to the connection. */
function countingBody(source: UploadSource): ReadableStream<Uint8Array> {
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      source.onProgress(sent);
      done(null, chunk);
    },
  });
  return Readable.toWeb(createReadStream(source.path).pipe(counter)) as ReadableStream<Uint8Array>;
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
    /**
     * Streams a file to the conversation's uploads (the server passes it on to WhatsApp's media endpoint). The
     * same key answers the same upload, so a file whose answer was lost can be uploaded again safely.
     */
    upload: (conversationId: string, source: UploadSource, idempotencyKey: string) =>
      send(
        new URL(`/api/conversations/${encodeURIComponent(conversationId)}/uploads`, serverUrl),
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': source.mimeType,
            'content-length': String(source.size),
            'x-filename': encodeURIComponent(source.filename),
            'idempotency-key': idempotencyKey,
          },
          body: countingBody(source),
          duplex: 'half',
        } as RequestInit,
        UploadDTO,
        UPLOAD_TIMEOUT_MS,
      ),
    /** A raw authorised request, for streams (media) that are passed on rather than parsed. */
    fetchRaw: (path: string, signal?: AbortSignal) =>
      fetch(new URL(path, serverUrl), { headers, ...(signal ? { signal } : {}) }),
  };
}
export type RestClient = ReturnType<typeof createRestClient>;
