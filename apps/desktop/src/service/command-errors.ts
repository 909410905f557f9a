import type { z } from 'zod';
import { issueLines } from '@switchboard/shared';
import { RestError } from '../engine/rest-client.js';
import type { InboxResult } from '../contract/inbox-api.js';

/** A command refused by the host itself (not signed in, offline, a bad argument the schema cannot express). */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** True when the server could not be reached at all (as opposed to answering with an error). */
export const isNetworkFailure = (error: unknown) =>
  !(error instanceof RestError) &&
  error instanceof Error &&
  (error.name === 'TypeError' || error.name === 'TimeoutError' || error.name === 'AbortError');

/** Any failure as the contract's error result, keeping the server's own code where it gave one. */
export function toFailure(error: unknown): Extract<InboxResult<never>, { ok: false }> {
  if (error instanceof RestError || error instanceof CommandError)
    return { ok: false, error: { code: error.code, message: error.message } };
  if (isNetworkFailure(error))
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'the server cannot be reached; try again when online' },
    };
  return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
}

/**
 * A command's arguments are a tuple, so zod's paths start with the argument's index: a field is named by its
 * own path (`serverUrl`), a whole argument by its position (`argument 1`), as the renderer's caller knows them.
 */
const byArgument = (issue: z.core.$ZodIssue): z.core.$ZodIssue => {
  const [index, ...field] = issue.path;
  const path = field.length > 0 ? field : [typeof index === 'number' ? `argument ${index + 1}` : 'arguments'];
  return { ...issue, path };
};

/** "serverUrl: Invalid URL; argument 2: ...": the shared formatter over the arguments' own names. */
export const describeArgumentIssues = (error: z.ZodError): string =>
  issueLines(error.issues.map(byArgument)).join('; ');
