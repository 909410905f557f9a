import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { AppError, forbidden } from '../lib/errors.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in Prometheus' text format. Who may scrape:
 * - with METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>` (and nobody else, loopback included);
 * - without it, only a scraper on this machine: a loopback peer whose request came through no proxy (a
 *   reverse proxy on the same host makes public requests look local, and it adds forwarding headers).
 */
export function metricsRoute(registry: Registry, token: string | undefined): RequestHandler {
  const expected = token ? digest(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (expected) {
      const given = req.get('authorization');
      if (!given || !timingSafeEqual(digest(given), expected))
        throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <METRICS_TOKEN> to read metrics');
    } else if (!fromThisMachine(req)) {
      throw forbidden('metrics are served to loopback only; set METRICS_TOKEN to scrape from elsewhere');
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

function fromThisMachine(req: Request): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && PROXY_HEADERS.every((h) => req.get(h) === undefined);
}
