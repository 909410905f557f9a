import { fbtraceId } from './ids.js';
import type { WebhookError } from './webhook-types.js';

/**
 * Cloud API error codes the simulator can produce, with the HTTP status Meta answers each with.
 * Statuses follow the "HTTP Status Code" column of Meta's error-code reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes), as
 * mirrored by partner docs: throttling codes (130429, 131056) are 400, not 429; 131000 is 500;
 * 131016 is 503; 132001 is 404; 368 is 403.
 */
export interface MetaErrorInfo {
  httpStatus: number;
  title: string;
  details: string;
}

export const META_ERRORS = {
  100: { httpStatus: 400, title: 'Invalid parameter', details: 'Invalid parameter.' },
  190: {
    httpStatus: 401,
    title: 'Access token has expired',
    details: 'Invalid OAuth access token - Cannot parse access token',
  },
  368: {
    httpStatus: 403,
    title: 'Temporarily blocked for policies violations',
    details:
      'The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy.',
  },
  // 470 is the On-Premises API's code for the 24-hour window, superseded by 131047 on Cloud API.
  470: {
    httpStatus: 400,
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  130429: { httpStatus: 400, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131000: {
    httpStatus: 500,
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
  },
  131016: { httpStatus: 503, title: 'Service unavailable', details: 'A service is temporarily unavailable.' },
  131026: {
    httpStatus: 400,
    title: 'Message Undeliverable',
    details:
      'Unable to deliver message. The recipient may not be a WhatsApp user or has not accepted the latest terms of service.',
  },
  131047: {
    httpStatus: 400,
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131050: {
    httpStatus: 400,
    title: 'User stopped marketing messages',
    details:
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  },
  131051: { httpStatus: 400, title: 'Unsupported message type', details: 'Message type is not currently supported.' },
  131053: { httpStatus: 400, title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
  131056: {
    httpStatus: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
  132000: {
    httpStatus: 400,
    title: 'Number of parameters does not match the expected number of params',
    details:
      'The number of variable parameter values included in the request did not match the number of variable parameters defined in the template.',
  },
  132001: {
    httpStatus: 404,
    title: 'Template name does not exist in the translation',
    details: 'The template does not exist in the specified language or the template has not been approved.',
  },
} as const satisfies Record<number, MetaErrorInfo>;

export type MetaErrorCode = keyof typeof META_ERRORS;

export const META_ERROR_CODES = Object.keys(META_ERRORS).map(Number) as MetaErrorCode[];

export function isMetaErrorCode(code: number): code is MetaErrorCode {
  return code in META_ERRORS;
}

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    error_subcode?: number;
    is_transient?: boolean;
    fbtrace_id: string;
  };
}

/** The synchronous Graph API error for a Cloud API code: the title is folded into `message`. */
export function graphError(
  code: MetaErrorCode,
  overrides: { details?: string; subcode?: number } = {},
): { status: number; body: GraphErrorBody } {
  const info: MetaErrorInfo = META_ERRORS[code];
  return {
    status: info.httpStatus,
    body: {
      error: {
        message: `(#${code}) ${info.title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: overrides.details ?? info.details },
        ...(overrides.subcode === undefined ? {} : { error_subcode: overrides.subcode }),
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

/** A bad or missing token: Graph answers 401 with code 190 and no WhatsApp error_data. */
export function invalidTokenError(): { status: number; body: GraphErrorBody } {
  return {
    status: 401,
    body: {
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

/** Graph's own transient failures (codes 1 and 2) as an infrastructure 5xx would surface. */
export function transientServerError(status: number): { status: number; body: GraphErrorBody } {
  const unknown = status === 500;
  return {
    status,
    body: {
      error: {
        message: unknown
          ? 'An unknown error has occurred.'
          : 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: unknown ? 1 : 2,
        is_transient: true,
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

/** The asynchronous form, as carried by failed statuses and `value.errors` in webhooks. */
export function webhookError(code: number, details?: string): WebhookError {
  const info: MetaErrorInfo | undefined = isMetaErrorCode(code) ? META_ERRORS[code] : undefined;
  const title = info?.title ?? 'Unknown error';
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? info?.details ?? title },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
