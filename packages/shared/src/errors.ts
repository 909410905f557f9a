import { z } from 'zod';

/** Every error the API, the socket and the webhook can answer with. Clients switch on these, never on messages. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'INVALID_SIGNATURE',
  'INVALID_WEBHOOK',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'OVER_CAPACITY',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  'IDEMPOTENCY_CONFLICT',
  'WINDOW_CLOSED',
  'OPTED_OUT',
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_NOT_APPROVED',
  'TEMPLATE_PARAMETERS_INVALID',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({
  path: z.string(),
  message: z.string(),
  /** A fixed word for what is wrong (`missing`, `wrong_type`…), so a client can say it in the user's language. */
  reason: z.string().optional(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The JSON body of every 4xx/5xx REST answer. */
export const ApiErrorResponse = z.object({ error: ErrorBody });
export type ApiErrorResponse = z.infer<typeof ApiErrorResponse>;

/**
 * Turns zod issues into the flat, field-naming list clients show (`body.labels.1`). The one formatter of zod
 * issues: API answers, socket acks, IPC results and start-up errors all name fields the same way.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** The same list as one line per problem (`escalation.1.afterBreachMinutes: must be whole minutes`). */
export function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return describeIssues(issues).map(({ path, message }) => `${path}: ${message}`);
}
