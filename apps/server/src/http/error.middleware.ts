import type { NextFunction, Request, Response } from 'express';
import { databaseUnavailable, isDatabaseUnavailable } from '../lib/database-unavailable.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { isDuplicateKeyError } from '../models/index.js';

type BodyParserError = { type?: string; status?: number; limit?: number };

/** Every failure leaves as `{ error: { code, message, issues? } }` with the right status; internals never leak. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json({ error: appError.toBody() });
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', `the body is larger than the limit of ${parserError.limit} bytes`);
  }
  if (parserError?.type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'the body is not valid JSON');
  if (parserError?.status && parserError.status >= 400 && parserError.status < 500) {
    return new AppError('VALIDATION_FAILED', (error as Error).message);
  }
  // A unique index caught what the service did not expect: still the caller's conflict, not our failure.
  if (isDuplicateKeyError(error)) return new AppError('CONFLICT', 'a record with these values exists already');
  if (isDatabaseUnavailable(error)) return databaseUnavailable('the request could not be served');
  if ((error as { name?: string })?.name === 'CastError')
    return new AppError('VALIDATION_FAILED', 'an id in the request is malformed');
  return new AppError('INTERNAL', 'something went wrong on our side');
}

export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `no route for ${req.method} ${req.path}` } });
}
