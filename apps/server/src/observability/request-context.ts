import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { withCorrelation } from '../lib/correlation.js';
import { maskPhonesIn } from '../lib/log-redaction.js';
import type { Logger } from '../lib/logger.js';

/** A caller's X-Request-Id is kept if it is a plain token (so it cannot forge log lines), else we make one. */
const USABLE_REQUEST_ID = /^[\w.:-]{8,128}$/;
const QUIET_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && USABLE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Gives each request an id (answered as X-Request-Id), logs it once when answered (pino-http), and runs
 * the rest of the request in its correlation, so every line logged on its behalf (and the webhook it
 * stores) carries the id.
 */
export function requestContext(logger: Logger): RequestHandler[] {
  const logRequests = pinoHttp({
    logger,
    genReqId: requestIdFor,
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0] ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, fields) => describe(req, res, fields),
    customErrorObject: (req, res, _error, fields) => describe(req, res, fields),
  });
  const correlate: RequestHandler = (req, _res, next) => {
    const id = String(req.id);
    withCorrelation({ correlationId: id, requestId: id }, next);
  };
  return [logRequests, correlate];
}

/** One flat line per request; the path is masked (a phone number can sit in a query string). */
function describe(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, fields: { responseTime?: number }) {
  const url = maskPhonesIn(req.originalUrl ?? req.url ?? '');
  return { correlationId: String(req.id), method: req.method, url, status: res.statusCode, responseTime: fields.responseTime };
}
