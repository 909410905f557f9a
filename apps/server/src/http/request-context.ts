import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { withCorrelation } from '../lib/correlation.js';
import { maskPhonesIn } from '../lib/log-redaction.js';
import type { Logger } from '../lib/logger.js';

/** A caller's X-Request-Id is kept if it is a plain token (so it cannot forge log lines), else we make one. */
const USABLE_REQUEST_ID = /^[\w.:-]{8,128}$/;
const QUIET_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && USABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * Gives each request an id (answered as X-Request-Id), logs it once when it ends, and runs the rest of the
 * request in its correlation, so every line logged on its behalf (and the webhook it stores) carries the id.
 * The access line goes through the app's logger itself: no per-request child logger (building one serializes
 * and redacts its bindings on every request, whether or not a line is ever written).
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdFor(req);
    res.setHeader('X-Request-Id', id);
    if (!QUIET_PATHS.has(pathOf(req.url))) logWhenDone(logger, id, req, res);
    withCorrelation({ correlationId: id, requestId: id }, next);
  };
}

/** One flat line per request when it ends (answered or abandoned); the URL is masked (a phone number can sit in a query string). */
function logWhenDone(logger: Logger, id: string, req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) {
  const started = Date.now();
  res.once('close', () => {
    const failed = res.writableFinished && res.statusCode >= 500;
    if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
    const line = {
      requestId: id,
      correlationId: id,
      method: req.method,
      url: maskPhonesIn(req.originalUrl ?? req.url ?? ''),
      status: res.statusCode,
      responseTime: Date.now() - started,
    };
    if (!res.writableFinished) logger.info({ ...line, aborted: true }, 'request aborted before the answer was sent');
    else if (failed) logger.error(line, 'request errored');
    else logger.info(line, 'request completed');
  });
}
