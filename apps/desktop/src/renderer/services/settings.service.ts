import type { z } from 'zod';
import type { ErrorIssue } from '@switchboard/shared';
import type { SettingsMethod } from '../../contract/inbox-api';
import { bridge } from './bridge';

/** The server refused a settings change; `issues` name the fields at fault (`body.rules.0.then.raise`). */
export class SettingsError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
  }
}

/** One settings API call through the host; the answer is checked against the shared schema it should meet. */
export async function settingsRequest<S extends z.ZodType>(
  method: SettingsMethod,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const answer = await bridge.api.invoke('settings:request', method, path, body);
  if (!answer.ok) throw new SettingsError(answer.message, answer.code, answer.issues);
  return schema.parse(answer.body);
}

/** A field's issue without the `body.` prefix the server adds, as the editor names its fields. */
export const fieldOf = (issue: ErrorIssue) => issue.path.replace(/^body\.?/, '') || 'request';
