import express, { Router } from 'express';
import { z } from 'zod';
import type { SimulatorContext } from './simulator-context.js';
import { reviewTemplate } from './template-reviews.js';

/**
 * Test-control endpoints under `/__simulator`, outside the Graph API surface, so a server under
 * test (or a person with curl) can arm faults and read what was sent.
 */
export function controlRoutes(ctx: SimulatorContext): Router {
  const router = Router();
  const invalid = (res: express.Response, error: unknown) => {
    const issues = error instanceof z.ZodError ? error.issues : [{ message: String(error), path: [] }];
    res.status(400).json({ error: 'invalid settings', issues });
  };

  router.get('/faults', (_req, res) => {
    res.json({ faults: ctx.faults.current });
  });

  router.post('/faults', (req, res) => {
    try {
      res.json({ faults: ctx.faults.set(req.body ?? {}) });
    } catch (error) {
      const issues = error instanceof z.ZodError ? error.issues : [{ message: String(error), path: [] }];
      res.status(400).json({ error: 'invalid fault settings', issues });
    }
  });

  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.json({ faults: ctx.faults.current });
  });

  // A customer's file, as WhatsApp would hold it once they sent it: the body is the bytes, the content type
  // theirs. `pnpm simulate` puts its customers' photos here, under the media ids their messages carry.
  router.post('/media', express.raw({ type: () => true, limit: '5mb' }), (req, res) => {
    const mimeType = req.get('content-type');
    const id = typeof req.query.id === 'string' && /^\d{1,32}$/.test(req.query.id) ? req.query.id : undefined;
    if (!mimeType || !Buffer.isBuffer(req.body) || req.body.length === 0) {
      res.status(400).json({ error: 'send the file as the body, with its content type' });
      return;
    }
    if (req.query.id !== undefined && !id) {
      res.status(400).json({ error: 'id: a Graph media id is digits only' });
      return;
    }
    res.status(201).json({ id: ctx.media.register({ mimeType, bytes: req.body, ...(id ? { id } : {}) }) });
  });

  router.get('/templates', (_req, res) => {
    res.json({ templates: ctx.templates });
  });

  router.post('/templates/faults', (req, res) => {
    try {
      res.json({ faults: ctx.templateFaults.set(req.body ?? {}) });
    } catch (error) {
      invalid(res, error);
    }
  });

  // Meta's review: approve, reject (with a reason), pause… a submitted template; the server hears it by webhook.
  router.post('/templates/:id/review', async (req, res) => {
    let delivery;
    try {
      delivery = await reviewTemplate(ctx, (p) => ctx.statusWebhooks.post(p), req.params.id, req.body ?? {});
    } catch (error) {
      return invalid(res, error);
    }
    if (!delivery) return void res.status(404).json({ error: `no submitted template has id ${req.params.id}` });
    res.json({ delivery });
  });

  router.get('/messages', (_req, res) => {
    res.json({ messages: ctx.sentMessages, markedRead: ctx.markedRead, uploads: ctx.uploads });
  });

  router.delete('/messages', (_req, res) => {
    ctx.sentMessages.length = 0;
    ctx.markedRead.length = 0;
    ctx.uploads.length = 0;
    res.json({ messages: [] });
  });

  return router;
}
