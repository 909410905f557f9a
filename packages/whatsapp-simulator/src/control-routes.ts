import { Router } from 'express';
import { z } from 'zod';
import type { SimulatorContext } from './simulator-context.js';

/**
 * Test-control endpoints under `/__simulator`, outside the Graph API surface, so a server under
 * test (or a person with curl) can arm faults and read what was sent.
 */
export function controlRoutes(ctx: SimulatorContext): Router {
  const router = Router();

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

  router.get('/messages', (_req, res) => {
    res.json({ messages: ctx.sentMessages, markedRead: ctx.markedRead });
  });

  router.delete('/messages', (_req, res) => {
    ctx.sentMessages.length = 0;
    ctx.markedRead.length = 0;
    res.json({ messages: [] });
  });

  return router;
}
