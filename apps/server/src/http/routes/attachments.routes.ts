import { IdParams, UploadFilename } from '@switchboard/shared';
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { authOf } from '../auth.middleware.js';
import type { HttpServices } from '../http-services.js';
import { idempotencyKeyOf } from '../idempotency.js';
import { parseInput } from '../validate.js';

const UploadHeaders = z.object({
  'content-type': z.string().min(1, 'send the file type as Content-Type'),
  'content-length': z.coerce.number().int().nonnegative().optional(),
  'x-filename': UploadFilename.optional(),
});

/**
 * Attachments and read receipts. An upload's body is the file itself (Content-Type its type, X-Filename its
 * name, URI-encoded); it is streamed to WhatsApp's media endpoint, never parsed or held in memory whole.
 */
export function attachmentRoutes(services: HttpServices): Router {
  const router = Router();
  router.post('/conversations/:id/uploads', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const idempotencyKey = idempotencyKeyOf(req, 'upload');
    if (!req.get('content-type'))
      throw new AppError('VALIDATION_FAILED', 'send the file type as Content-Type', [
        { path: 'headers.content-type', message: 'required' },
      ]);
    const headers = parseInput(UploadHeaders, req.headers, 'headers');
    const { upload, created } = await services.uploads.upload({
      conversationId: id,
      viewer: authOf(res).viewer,
      idempotencyKey,
      mimeType: headers['content-type'],
      filename: headers['x-filename'] ?? null,
      declaredSize: headers['content-length'] ?? null,
      body: req,
    });
    // A repeated upload is answered from the record: the body sent again is read and dropped.
    if (!req.readableEnded) req.resume();
    res.status(created ? 201 : 200).json(upload);
  });
  router.post('/conversations/:id/read', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.readReceipts.conversationOpened(id, authOf(res).viewer));
  });
  return router;
}
