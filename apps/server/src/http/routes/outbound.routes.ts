import { IdParams, SendMessageRequest } from '@switchboard/shared';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { authOf, requireRole } from '../auth.middleware.js';
import { idempotencyKeyOf } from '../idempotency.js';
import { parseInput } from '../validate.js';

/** Sending (every signed-in user, to conversations they may see) and the dead-letter list (supervisors). */
export function outboundRoutes(services: HttpServices): Router {
  const router = Router();
  router.post('/conversations/:id/messages', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const idempotencyKey = idempotencyKeyOf(req, 'message');
    const request = parseInput(SendMessageRequest, req.body, 'body');
    const message = await services.send.send({
      conversationId: id,
      viewer: authOf(res).viewer,
      idempotencyKey,
      request,
    });
    res.status(201).json(message);
  });
  router.get('/messages/:id/media', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const media = await services.media.download(id, authOf(res).viewer);
    res.setHeader('content-type', media.contentType);
    res.setHeader('cache-control', 'private, max-age=300');
    if (media.contentLength !== null) res.setHeader('content-length', String(media.contentLength));
    if (media.filename) res.attachment(media.filename);
    await pipeline(Readable.fromWeb(media.body as WebReadableStream), res);
  });
  router.get('/outbox/dead', requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json({ items: await services.deadLetters.list() });
  });
  router.post('/outbox/:id/replay', requireRole('supervisor', 'admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.deadLetters.replay(id));
  });
  return router;
}
