import { openAsBlob } from 'node:fs';
import { issueLines } from '@switchboard/shared';
import {
  cloudApiSendRequestSchema,
  mediaInfoResponseSchema,
  mediaUploadResponseSchema,
  sendResponseSchema,
  successResponseSchema,
  templateCreateResponseSchema,
  type CloudApiSendRequest,
  type CloudApiTemplateCreateRequest,
} from './cloud-api.schema.js';
import {
  classifyGraphError,
  classifyMediaError,
  classifyNetworkError,
  invalidRequestFailure,
  unreadableAnswerFailure,
  type MediaProblem,
  type ProviderFailure,
} from '../domain/provider-errors.js';

/** Where and as whom one business number talks to the Cloud API (or the simulator). */
export interface ChannelCredentials {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
}

export type SendOutcome = { ok: true; providerMessageId: string } | { ok: false; failure: ProviderFailure };
export type UploadOutcome = { ok: true; mediaId: string } | { ok: false; failure: ProviderFailure };
export type ReadReceiptOutcome = { ok: true } | { ok: false; failure: ProviderFailure };
export type TemplateSubmitOutcome = { ok: true; metaTemplateId: string } | { ok: false; failure: ProviderFailure };

/** A file on disk to hand to the Graph API media endpoint. */
export interface MediaFile {
  path: string;
  mimeType: string;
  filename: string;
}

export interface MediaInfo {
  /** Short-lived download URL; fetch it with the same token through `downloadMedia`. */
  url: string;
  mimeType: string;
  sha256: string;
  fileSize: number;
}

export interface MediaDownload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength: number | null;
}

/** Media requests throw this; `failure.kind` says whether asking again later can help. */
export class WhatsAppMediaError extends Error {
  constructor(
    readonly problem: MediaProblem,
    readonly failure: ProviderFailure,
  ) {
    super(`WhatsApp media request failed (${problem}): ${failure.title}`);
    this.name = 'WhatsAppMediaError';
  }
}

export interface WhatsAppClientOptions {
  fetch?: typeof fetch;
  /** Bounds a send or a metadata request from connect to the last byte of the answer. */
  timeoutMs: number;
  /** Bounds a whole media download or upload, body included; defaults to 60 s because files reach 100 MB. */
  downloadTimeoutMs?: number;
}

export interface WhatsAppClient {
  /** Never throws for provider or network problems: every failure comes back classified. */
  sendMessage(channel: ChannelCredentials, request: CloudApiSendRequest): Promise<SendOutcome>;
  /** `POST /{phone-number-id}/media` (multipart): the media id a send can refer to. Never throws for provider problems. */
  uploadMedia(channel: ChannelCredentials, file: MediaFile): Promise<UploadOutcome>;
  /** Marks a customer's message (and those before it) read: the blue ticks they see. Never throws. */
  markRead(channel: ChannelCredentials, providerMessageId: string): Promise<ReadReceiptOutcome>;
  /**
   * `POST /{waba-id}/message_templates`: submits a template for Meta's review, as the number's account.
   * Never throws for provider or network problems.
   */
  submitTemplate(
    channel: ChannelCredentials,
    wabaId: string,
    request: CloudApiTemplateCreateRequest,
  ): Promise<TemplateSubmitOutcome>;
  /** `POST /{template-id}`: a new version of a submitted template's content, which Meta reviews again. Never throws. */
  editTemplate(
    channel: ChannelCredentials,
    metaTemplateId: string,
    request: CloudApiTemplateCreateRequest,
  ): Promise<TemplateSubmitOutcome>;
  fetchMediaInfo(channel: ChannelCredentials, mediaId: string): Promise<MediaInfo>;
  downloadMedia(channel: ChannelCredentials, url: string): Promise<MediaDownload>;
}

const graphUrl = (channel: ChannelCredentials, ...path: string[]) =>
  [channel.baseUrl.replace(/\/+$/, ''), channel.apiVersion, ...path.map(encodeURIComponent)].join('/');

const bearer = (channel: ChannelCredentials) => ({ authorization: `Bearer ${channel.accessToken}` });

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The parsed JSON, or the raw text when it is not JSON (a proxy's HTML page), so details keep it. */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const jsonBody = (value: unknown) => ({
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json' },
});

const excerpt = (body: unknown) => (typeof body === 'string' ? body : (JSON.stringify(body) ?? '')).slice(0, 300);

/**
 * The bearer token must not leak: media URLs come from Meta's answer, but this refuses to send the token
 * in clear text anywhere except the channel's own host (the simulator in development).
 */
function assertTokenMayGoTo(channel: ChannelCredentials, url: string): void {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.origin !== new URL(channel.baseUrl).origin) {
    throw new Error(`refusing to send the WhatsApp access token to ${target.origin}: media URLs must be https`);
  }
}

export function createWhatsAppClient(options: WhatsAppClientOptions): WhatsAppClient {
  const fetchImpl = options.fetch ?? fetch;
  const downloadTimeoutMs = options.downloadTimeoutMs ?? 60_000;

  /** A GET for media: network failures and error answers become a WhatsAppMediaError. */
  async function getMedia(channel: ChannelCredentials, url: string, timeoutMs: number): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: bearer(channel), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new WhatsAppMediaError('unavailable', classifyNetworkError(error, 'read'));
    }
    if (response.ok) return response;
    const body = await readBody(response).catch(() => undefined);
    const { problem, failure } = classifyMediaError(response.status, body, retryAfterMs(response));
    throw new WhatsAppMediaError(problem, failure);
  }

  /** A POST to `/{node}/{edge}` (the number, its account, a template): its parsed answer, or the failure classified. */
  async function postGraph(
    channel: ChannelCredentials,
    node: string,
    edge: string | null,
    init: { body: RequestInit['body']; headers?: Record<string, string> },
    timeoutMs: number,
    request: 'send' | 'read',
  ): Promise<{ ok: true; status: number; body: unknown } | { ok: false; failure: ProviderFailure }> {
    let response: Response;
    let body: unknown;
    try {
      response = await fetchImpl(graphUrl(channel, node, ...(edge ? [edge] : [])), {
        method: 'POST',
        headers: { ...bearer(channel), ...init.headers },
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, failure: classifyNetworkError(error, request) };
    }
    try {
      body = await readBody(response);
    } catch (error) {
      // An error status is an answer even if its body was cut; only a lost 2xx body leaves the outcome open.
      if (response.ok) return { ok: false, failure: classifyNetworkError(error, request) };
    }
    if (!response.ok) return { ok: false, failure: classifyGraphError(response.status, body, retryAfterMs(response)) };
    return { ok: true, status: response.status, body };
  }

  return {
    async sendMessage(channel, request) {
      const valid = cloudApiSendRequestSchema.safeParse(request);
      if (!valid.success) {
        return { ok: false, failure: invalidRequestFailure(issueLines(valid.error.issues)[0] ?? 'invalid') };
      }
      const answer = await postGraph(
        channel,
        channel.phoneNumberId,
        'messages',
        jsonBody(valid.data),
        options.timeoutMs,
        'send',
      );
      if (!answer.ok) return answer;
      const sent = sendResponseSchema.safeParse(answer.body);
      if (!sent.success)
        return { ok: false, failure: unreadableAnswerFailure(answer.status, excerpt(answer.body), 'send') };
      return { ok: true, providerMessageId: sent.data.messages[0].id };
    },

    async uploadMedia(channel, file) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', await openAsBlob(file.path, { type: file.mimeType }), file.filename);
      // Repeating an upload only leaves an unused copy at Meta, so a lost answer is a plain retry ('read').
      const answer = await postGraph(
        channel,
        channel.phoneNumberId,
        'media',
        { body: form },
        downloadTimeoutMs,
        'read',
      );
      if (!answer.ok) return answer;
      const uploaded = mediaUploadResponseSchema.safeParse(answer.body);
      if (!uploaded.success)
        return { ok: false, failure: unreadableAnswerFailure(answer.status, excerpt(answer.body), 'read') };
      return { ok: true, mediaId: uploaded.data.id };
    },

    async markRead(channel, providerMessageId) {
      const receipt = { messaging_product: 'whatsapp', status: 'read', message_id: providerMessageId };
      const answer = await postGraph(
        channel,
        channel.phoneNumberId,
        'messages',
        jsonBody(receipt),
        options.timeoutMs,
        'read',
      );
      if (!answer.ok) return answer;
      if (!successResponseSchema.safeParse(answer.body).success)
        return { ok: false, failure: unreadableAnswerFailure(answer.status, excerpt(answer.body), 'read') };
      return { ok: true };
    },

    async submitTemplate(channel, wabaId, request) {
      // A lost answer may hide a template Meta created: submitting it again is refused as a duplicate, so the
      // outcome is unknown ('send') rather than a plain retry.
      const answer = await postGraph(
        channel,
        wabaId,
        'message_templates',
        jsonBody(request),
        options.timeoutMs,
        'send',
      );
      if (!answer.ok) return answer;
      const created = templateCreateResponseSchema.safeParse(answer.body);
      if (!created.success)
        return { ok: false, failure: unreadableAnswerFailure(answer.status, excerpt(answer.body), 'send') };
      return { ok: true, metaTemplateId: created.data.id };
    },

    async editTemplate(channel, metaTemplateId, request) {
      // Meta keeps a template's name and language; an edit sends what may change.
      const { name: _name, language: _language, ...edit } = request;
      const answer = await postGraph(channel, metaTemplateId, null, jsonBody(edit), options.timeoutMs, 'read');
      if (!answer.ok) return answer;
      if (!successResponseSchema.safeParse(answer.body).success)
        return { ok: false, failure: unreadableAnswerFailure(answer.status, excerpt(answer.body), 'read') };
      return { ok: true, metaTemplateId };
    },

    async fetchMediaInfo(channel, mediaId) {
      const response = await getMedia(channel, graphUrl(channel, mediaId), options.timeoutMs);
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (error) {
        throw new WhatsAppMediaError('unavailable', classifyNetworkError(error, 'read'));
      }
      const info = mediaInfoResponseSchema.safeParse(body);
      if (!info.success) {
        throw new WhatsAppMediaError('unavailable', unreadableAnswerFailure(response.status, excerpt(body), 'read'));
      }
      const { url, mime_type: mimeType, sha256, file_size: fileSize } = info.data;
      return { url, mimeType, sha256, fileSize };
    },

    async downloadMedia(channel, url) {
      assertTokenMayGoTo(channel, url);
      const response = await getMedia(channel, url, downloadTimeoutMs);
      if (!response.body)
        throw new WhatsAppMediaError('unavailable', unreadableAnswerFailure(response.status, 'empty body', 'read'));
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      return {
        body: response.body,
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        contentLength: Number.isSafeInteger(length) ? length : null,
      };
    },
  };
}
