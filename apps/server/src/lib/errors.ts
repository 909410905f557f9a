import type { ErrorCode, ErrorIssue } from '@switchboard/shared';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_WEBHOOK: 400,
  INVALID_SIGNATURE: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Giving an agent more than their capacity: a supervisor may confirm it (`overCapacity: true`). */
  OVER_CAPACITY: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  IDEMPOTENCY_CONFLICT: 409,
  WINDOW_CLOSED: 422,
  OPTED_OUT: 422,
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_NOT_APPROVED: 422,
  TEMPLATE_PARAMETERS_INVALID: 400,
};

/** An error meant for the caller: its code, message and issues are safe to show. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Sent as Retry-After: when a refusal is temporary (429, 503), when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }

  toBody() {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
