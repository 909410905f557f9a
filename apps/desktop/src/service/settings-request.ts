import { z } from 'zod';
import type { SettingsAnswer, SettingsMethod } from '../contract/inbox-api.js';
import type { RestClient } from '../engine/rest-client.js';
import { answerOf } from './server-answer.js';

const CSV_EXPORT = '/api/audit/export';

/**
 * One call of the settings screens, passed to the server with the session's token. A refusal is an answer, not
 * a failure: the screen shows its message and names the fields at fault beside them.
 */
export async function settingsRequest(
  rest: RestClient,
  method: SettingsMethod,
  path: string,
  body: unknown,
): Promise<SettingsAnswer> {
  if (method === 'GET' && path.startsWith(CSV_EXPORT)) return csvText(rest, path);
  return answerOf(() => (method === 'GET' ? rest.get(path, z.unknown()) : rest.call(method, path, body, z.unknown())));
}

async function csvText(rest: RestClient, path: string): Promise<SettingsAnswer> {
  const res = await rest.fetchRaw(path);
  const text = await res.text();
  if (res.ok) return { ok: true, body: text };
  return {
    ok: false,
    status: res.status,
    code: 'EXPORT_FAILED',
    message: `the export failed (${res.status})`,
    issues: [],
  };
}
