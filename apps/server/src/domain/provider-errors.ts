import { z } from 'zod';

/** Graph's error envelope; every field but `code` is optional because proxies and old versions vary. */
const graphErrorBodySchema = z.object({
  error: z.looseObject({
    code: z.number().int(),
    message: z.string().optional(),
    type: z.string().optional(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/**
 * What a failed Cloud API call means for the message:
 * - `retryable`: it did not go out and can succeed later (network, 5xx, throttling, Meta outages);
 * - `permanent`: repeating the same request fails again, so fail it at once and tell the agent;
 * - `outcomeUnknown`: the request may have reached Meta but no answer came back; repeating it
 *   blindly could deliver the message twice, so the caller reconciles first (a status webhook
 *   carrying our `biz_opaque_callback_data`) and only then sends again.
 */
export type FailureKind = 'retryable' | 'permanent' | 'outcomeUnknown';

export interface ProviderFailure {
  kind: FailureKind;
  /** Meta's error code (Graph `error.code`), null when Meta did not answer with one. */
  code: number | null;
  httpStatus: number | null;
  /** Meta's title, or ours when Meta said nothing. For logs and timelines. */
  title: string;
  /** One sentence an agent understands and can act on. */
  reason: string;
  /** Meta's `error_data.details` or the network error, for whoever debugs it; not for agents. */
  details: string | null;
  /** True when the failure says WhatsApp itself is unwell: only these open a channel's breaker. */
  outage: boolean;
  /** How long the provider (Retry-After) or the breaker asked us to wait, if it said. */
  retryAfterMs: number | null;
  /** True when no call was made (the breaker was open): such a failure must not use up a message's tries. */
  notAttempted?: boolean;
}

type Rule = Pick<ProviderFailure, 'kind' | 'outage' | 'title' | 'reason'>;

const RETRIED = 'the message goes out automatically';
const unwell = (title: string, reason: string): Rule => ({ kind: 'retryable', outage: true, title, reason });
const throttled = (title: string, reason: string): Rule => ({ kind: 'retryable', outage: false, title, reason });
const refused = (title: string, reason: string): Rule => ({ kind: 'permanent', outage: false, title, reason });

const WINDOW_CLOSED =
  'The customer has not written in the last 24 hours. Send an approved template to reopen the conversation.';

/**
 * Cloud API and Graph codes, after Meta's error-code reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) and its
 * throughput page. Codes not listed fall back to `is_transient` and the HTTP status.
 */
const RULES: Record<number, Rule> = {
  1: unwell('API Unknown', `WhatsApp had a temporary problem; ${RETRIED} when it recovers.`),
  2: unwell('API Service', `WhatsApp had a temporary problem; ${RETRIED} when it recovers.`),
  131000: unwell('Something went wrong', `WhatsApp hit an unexpected error; ${RETRIED} shortly.`),
  131016: unwell('Service unavailable', `WhatsApp is temporarily unavailable; ${RETRIED} when it recovers.`),
  131057: unwell(
    'Account in maintenance mode',
    `This WhatsApp number is briefly in maintenance; ${RETRIED} when it ends.`,
  ),
  4: throttled(
    'Application request limit reached',
    `Too many requests reached WhatsApp at once; ${RETRIED} in a moment.`,
  ),
  80007: throttled('Rate limit issues', `This WhatsApp account reached its request limit; ${RETRIED} in a moment.`),
  130429: throttled(
    'Rate limit hit',
    `This number is sending faster than WhatsApp allows right now; ${RETRIED} in a moment.`,
  ),
  131056: throttled(
    '(Business Account, Consumer Account) pair rate limit hit',
    `Too many messages went to this customer in a few seconds; ${RETRIED} after a short pause.`,
  ),
  131047: refused('Re-engagement message', WINDOW_CLOSED),
  470: refused('Re-engagement message', WINDOW_CLOSED),
  131026: refused(
    'Message undeliverable',
    'WhatsApp could not deliver to this number: it may not use WhatsApp, or the customer must update the app or accept its new terms. Check the number or reach the customer another way.',
  ),
  131050: refused(
    'User stopped marketing messages',
    'The customer has turned off marketing messages from this business. Do not resend it; reply when they write to you.',
  ),
  131051: refused(
    'Unsupported message type',
    'WhatsApp does not support this kind of message. Send it as text or a supported attachment.',
  ),
  131053: refused(
    'Media upload error',
    'WhatsApp could not use this file (its type or size, or it expired). Attach it again, as a supported type.',
  ),
  132000: refused(
    'Number of parameters does not match the expected number of params',
    'The template got a different number of values than it has placeholders. Fill in every placeholder and send it again.',
  ),
  132001: refused(
    'Template name does not exist in the translation',
    'This template does not exist in the chosen language or is not approved yet. Pick an approved template and language.',
  ),
  132015: refused(
    'Template is paused',
    'This template was paused by WhatsApp for low quality. Use another approved template.',
  ),
  132016: refused('Template is disabled', 'This template was disabled by WhatsApp. Use another approved template.'),
  131048: refused(
    'Spam rate limit hit',
    'WhatsApp is limiting this number because recent messages were blocked or reported as spam. Ask an admin to check its quality in WhatsApp Manager.',
  ),
  131049: refused(
    'Meta chose not to deliver',
    'WhatsApp held back this marketing message to avoid overwhelming the customer. Do not resend it right away.',
  ),
  131031: refused(
    'Business account locked',
    'This WhatsApp business account is locked. Ask an admin to check WhatsApp Manager.',
  ),
  131042: refused(
    'Business eligibility payment issue',
    'WhatsApp refused the message because of a billing problem. Ask an admin to check the payment method.',
  ),
  133010: refused(
    'Phone number not registered',
    'This business number is not registered with WhatsApp. Ask an admin to finish setting up the channel.',
  ),
  368: refused(
    'Temporarily blocked for policies violations',
    'WhatsApp has temporarily blocked this business number for a policy violation. Nothing can be sent until the block ends; ask an admin to check WhatsApp Manager.',
  ),
  100: refused(
    'Invalid parameter',
    'WhatsApp rejected the message as invalid. Edit it and send it again; if it keeps failing, tell an admin.',
  ),
  131008: refused(
    'Required parameter is missing',
    'WhatsApp rejected the message because something required is missing. Edit it and send it again.',
  ),
  131009: refused(
    'Parameter value is not valid',
    'WhatsApp rejected a value in the message. Edit it and send it again.',
  ),
  190: refused(
    'Access token has expired',
    "WhatsApp no longer accepts this channel's access token. An admin must reconnect the WhatsApp number before messages can go out.",
  ),
};

/** The codes whose refusal an agent reads in their language: the desktop has words for each (shared list). */
export const explainedRefusalCodes = (): number[] =>
  Object.entries(RULES)
    .filter(([, rule]) => rule.kind === 'permanent')
    .map(([code]) => Number(code));

/** Graph folds the title into `message` as "(#131047) Re-engagement message"; this recovers it. */
function metaTitle(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.replace(/^\(#\d+\)\s*/, '') || undefined;
}

function fromStatus(httpStatus: number, transient: boolean): Rule {
  if (transient || httpStatus >= 500) {
    return unwell('WhatsApp error', `WhatsApp had a temporary problem; ${RETRIED} when it recovers.`);
  }
  if (httpStatus === 429)
    return throttled('Too many requests', `WhatsApp asked us to slow down; ${RETRIED} in a moment.`);
  return refused(
    'Request refused',
    'WhatsApp refused this message. Check its content and send it again; if it keeps failing, tell an admin.',
  );
}

/** Classifies a non-2xx Graph answer: the known code wins, then `is_transient`, then the HTTP status. */
export function classifyGraphError(
  httpStatus: number,
  body: unknown,
  retryAfterMs: number | null = null,
): ProviderFailure {
  const parsed = graphErrorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const known = error ? RULES[error.code] : undefined;
  const rule = known ?? fromStatus(httpStatus, error?.is_transient === true);
  return {
    ...rule,
    title: metaTitle(error?.message) ?? rule.title,
    code: error?.code ?? null,
    httpStatus,
    details: error?.error_data?.details ?? null,
    retryAfterMs,
  };
}

const UNKNOWN_OUTCOME =
  'so it is not yet known whether the message went out; Switchboard checks before sending it again.';

/** Failures that happen before a byte leaves this machine: the request certainly did not reach Meta. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** fetch wraps the socket error in `cause`; with several addresses (happy eyeballs) it is an AggregateError. */
function networkCode(error: unknown): string | undefined {
  const cause: unknown = (error as { cause?: unknown } | null)?.cause ?? error;
  const candidates = [cause, ...((cause as { errors?: unknown[] } | null)?.errors ?? [])];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error ? `${String(error)}: ${cause.message}` : String(error);
}

/**
 * Classifies a thrown fetch error. A refused connection or failed DNS lookup never sent anything, so it
 * is retryable. A timeout or a connection cut after the request was written may have delivered it: for a
 * send that is `outcomeUnknown`; for a read (`'read'`, e.g. media), which is safe to repeat, it is retryable.
 */
export function classifyNetworkError(error: unknown, request: 'send' | 'read'): ProviderFailure {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  const base = { code: null, httpStatus: null, details: describeError(error), outage: true, retryAfterMs: null };
  if (!timedOut && NOT_SENT_CODES.has(networkCode(error) ?? '')) {
    const then = request === 'send' ? `${RETRIED} when the connection is back` : 'it tries again automatically';
    return {
      ...base,
      kind: 'retryable',
      title: 'WhatsApp unreachable',
      reason: `Switchboard could not reach WhatsApp; ${then}.`,
    };
  }
  const title = timedOut ? 'No answer from WhatsApp' : 'Connection to WhatsApp lost';
  if (request === 'read') {
    return {
      ...base,
      kind: 'retryable',
      title,
      reason: 'WhatsApp did not answer; Switchboard tries again automatically.',
    };
  }
  const what = timedOut ? 'WhatsApp did not answer in time' : 'The connection to WhatsApp broke before it answered';
  return { ...base, kind: 'outcomeUnknown', title, reason: `${what}, ${UNKNOWN_OUTCOME}` };
}

/**
 * A 2xx whose body could not be read. For a send, Meta probably accepted the message but we do not know its
 * wamid, so the outcome is unknown; a read is simply tried again.
 */
export function unreadableAnswerFailure(
  httpStatus: number,
  details: string,
  request: 'send' | 'read',
): ProviderFailure {
  const base = {
    code: null,
    httpStatus,
    title: 'Unreadable answer from WhatsApp',
    details,
    outage: false,
    retryAfterMs: null,
  };
  return request === 'send'
    ? {
        ...base,
        kind: 'outcomeUnknown',
        reason: `WhatsApp answered in a way Switchboard could not read, ${UNKNOWN_OUTCOME}`,
      }
    : {
        ...base,
        kind: 'retryable',
        reason: 'WhatsApp answered in a way Switchboard could not read; it tries again automatically.',
      };
}

/** Our own validation refused the request before sending: the same request can never succeed. */
export function invalidRequestFailure(details: string): ProviderFailure {
  return {
    kind: 'permanent',
    code: null,
    httpStatus: null,
    title: 'Invalid message',
    details,
    outage: false,
    retryAfterMs: null,
    reason: `This message is not valid for WhatsApp (${details}). Edit it and send it again.`,
  };
}

/**
 * Why a reply whose retries ran out is not delivered. A retryable failure's own reason promises that the
 * message "goes out automatically", which is no longer true once it is dead-lettered, so this names only
 * what went wrong and what a person can do now.
 */
export function deadLetterReason(failure: ProviderFailure, tries: number): string {
  return `WhatsApp kept failing (${failure.title}), so Switchboard gave up after ${tries} tries. A supervisor can send it again from Dead letters.`;
}

/** What a channel's open circuit breaker answers instead of calling WhatsApp. */
export function breakerOpenFailure(retryAfterMs: number): ProviderFailure {
  return {
    kind: 'retryable',
    code: null,
    httpStatus: null,
    title: 'Circuit open',
    details: null,
    outage: true,
    retryAfterMs,
    notAttempted: true,
    reason: 'WhatsApp is not answering; replies wait and go out when it recovers.',
  };
}

export type MediaProblem = 'not-found' | 'unauthorized' | 'unavailable';

/**
 * Classifies a failed media metadata or download request. Graph answers an unknown (or expired) media id
 * with 400, code 100, subcode 33 rather than 404, so both mean the media is gone.
 */
export function classifyMediaError(
  httpStatus: number,
  body: unknown,
  retryAfterMs: number | null,
): { problem: MediaProblem; failure: ProviderFailure } {
  const failure = classifyGraphError(httpStatus, body, retryAfterMs);
  const parsed = graphErrorBodySchema.safeParse(body);
  const gone =
    httpStatus === 404 || (parsed.success && parsed.data.error.code === 100 && parsed.data.error.error_subcode === 33);
  if (gone) {
    return {
      problem: 'not-found',
      failure: {
        ...failure,
        kind: 'permanent',
        outage: false,
        reason: 'This media is no longer available from WhatsApp. Ask the customer to send it again.',
      },
    };
  }
  if (httpStatus === 401 || failure.code === 190) return { problem: 'unauthorized', failure };
  const reason =
    failure.kind === 'retryable'
      ? 'WhatsApp could not hand over this media right now; Switchboard tries again automatically.'
      : 'WhatsApp refused to hand over this media. Ask the customer to send it again.';
  return { problem: 'unavailable', failure: { ...failure, reason } };
}

/** The agent-facing reason for an error WhatsApp reported later, in a `failed` status webhook. */
export function reasonForReportedError(code: number, title: string | null): string {
  return classifyGraphError(400, { error: { code, message: title ?? '', type: 'OAuthException' } }).reason;
}
