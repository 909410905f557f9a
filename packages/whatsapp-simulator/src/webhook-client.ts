import { signWebhookBody } from './signature.js';
import type { AnyWebhookPayload } from './status-webhooks.js';

export interface SignedWebhook {
  body: string;
  headers: { 'content-type': string; 'x-hub-signature-256': string };
}

/** Serialise once and sign those exact bytes, as Meta does. */
export function signedWebhook(payload: AnyWebhookPayload, appSecret: string): SignedWebhook {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, appSecret) },
  };
}

export interface WebhookDelivery {
  /** HTTP status, or undefined when the request failed before an answer. */
  status?: number;
  ok: boolean;
  error?: string;
  durationMs: number;
}

/** POSTs a signed body; never throws, so callers can count refusals instead of crashing. */
export async function deliverWebhook(
  url: string,
  signed: SignedWebhook,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<WebhookDelivery> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    });
    await response.arrayBuffer();
    return { status: response.status, ok: response.ok, durationMs: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      durationMs: Date.now() - started,
    };
  }
}
