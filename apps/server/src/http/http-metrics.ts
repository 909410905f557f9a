import type { Request, RequestHandler } from 'express';
import type { Metrics } from '../lib/metrics.js';

/** Requests no route matched (404s, refusals by middleware before routing): one label, never the raw path. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route template a request matched, with its mount prefix: `/api/conversations/:id`. Read from the
 * matched route and the original URL, so it holds however routers are nested and after an error has
 * unwound them (which resets `req.baseUrl`).
 */
export function routeTemplate(req: Request): string {
  const own = req.route?.path;
  if (typeof own !== 'string') return UNMATCHED_ROUTE;
  if (own.includes('*')) return `${req.baseUrl}${own}`;
  const ownSegments = own.split('/').filter(Boolean);
  const urlSegments = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const prefix = urlSegments.slice(0, Math.max(0, urlSegments.length - ownSegments.length));
  return `/${[...prefix, ...ownSegments].join('/')}`;
}

/** Counts and times every answered request by method, route template and status. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeTemplate(req), status: res.statusCode };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      if (res.statusCode >= 500) metrics.httpErrors.inc(labels);
    });
    next();
  };
}
