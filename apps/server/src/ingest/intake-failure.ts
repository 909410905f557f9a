import { describeIssues, type ErrorIssue, type InboundDeadLetterKind } from '@switchboard/shared';
import type { z } from 'zod';

/** Why a stored webhook is a dead letter, as the list shows it. */
export type IntakeFailure = { kind: InboundDeadLetterKind; reason: string; issues: ErrorIssue[] };

/** The reason names this many problems; the issues list keeps every one. */
const REASON_LINES = 5;

export function isZodError(error: unknown): error is z.ZodError {
  return typeof error === 'object' && error !== null && Array.isArray((error as z.ZodError).issues);
}

/** Processing threw: a schema's refusal names the paths at fault, anything else (a bug, the database) its message. */
export function failureOf(error: unknown): IntakeFailure {
  if (isZodError(error)) {
    const issues = describeIssues(error.issues);
    return { kind: 'failed', reason: `the webhook does not match the schema: ${lines(issues)}`, issues };
  }
  return { kind: 'failed', reason: error instanceof Error ? error.message : String(error), issues: [] };
}

/** Processing went through, but the schemas refused these items, which were skipped. */
export function refusalOf(refused: ErrorIssue[]): IntakeFailure {
  return { kind: 'refused', reason: `items refused by the schemas and skipped: ${lines(refused)}`, issues: refused };
}

function lines(issues: ErrorIssue[]): string {
  const shown = issues.slice(0, REASON_LINES).map(({ path, message }) => `${path}: ${message}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
