import { IdParams } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { authOf } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

export function contactRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/contacts/:id/conversations', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ items: await services.contactHistory.list(id, authOf(res).viewer) });
  });
  return router;
}
