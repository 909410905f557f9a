import { randomUUID } from 'node:crypto';
import { ackError, ackOk, describeIssues, type Ack } from '@switchboard/shared';
import type { z } from 'zod';
import { withCorrelation } from '../lib/correlation.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

/** Runs a command (a request of its own in the logs) and turns its outcome into an Ack; internals never leak to the client. */
export async function answer<T>(logger: Logger, command: string, work: () => Promise<T>): Promise<Ack<T>> {
  return withCorrelation({ correlationId: randomUUID() }, async () => {
    try {
      return ackOk(await work());
    } catch (error) {
      if (error instanceof AppError) return ackError(error.toBody());
      logger.error({ err: error, command }, 'socket command failed');
      return ackError({ code: 'INTERNAL', message: `${command} failed; try again` });
    }
  });
}

/** A command's payload that its schema refused, naming the fields at fault. */
export const invalid = (what: string, error: z.ZodError) =>
  ackError({ code: 'VALIDATION_FAILED', message: `invalid ${what}`, issues: describeIssues(error.issues) });
