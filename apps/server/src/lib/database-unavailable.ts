import mongoose from 'mongoose';
import { AppError } from './errors.js';

/** How long a caller should wait before retrying a request the database could not serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const databaseUnavailable = (what: string) =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    `${what}: the database is not answering; retry later`,
    undefined,
    DATABASE_RETRY_AFTER_SECONDS,
  );

class DatabaseDeadlineError extends Error {}

/**
 * Waits at most `ms` for a database operation. A stopped database does not refuse, it just never answers,
 * and the driver keeps waiting; a caller that must answer someone (Meta's webhook) cannot. The operation
 * may still complete after the deadline, so it must be one whose repetition is harmless.
 */
export async function withinDeadline<T>(operation: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseDeadlineError(`no answer from the database within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([operation, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** True for failures that mean "the database could not be reached", as opposed to a bad request or a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseDeadlineError) return true;
  const name = (error as { name?: string } | null)?.name;
  if (name && UNREACHABLE.has(name)) return true;
  // Mongoose's own buffering timeout (commands queued while disconnected) is a plain MongooseError.
  return error instanceof mongoose.Error && /buffering timed out/.test(error.message);
}
