import type { ServerAnswer } from '../contract/inbox-api.js';
import { RestError } from '../engine/rest-client.js';

/**
 * Runs a change on the server; a refusal is an answer, not a failure, so the screen can show its message and
 * mark the fields it names. Anything else (the server out of reach) still fails the command.
 */
export async function answerOf<T>(work: () => Promise<T>): Promise<ServerAnswer<T>> {
  try {
    return { ok: true, body: await work() };
  } catch (error) {
    if (error instanceof RestError)
      return { ok: false, status: error.status, code: error.code, message: error.message, issues: error.issues };
    throw error;
  }
}
