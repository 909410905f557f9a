import { IdParams, UpdateCsatSettingsRequest } from '@switchboard/shared';
import { Router } from 'express';
import { requireRole } from '../auth.middleware.js';
import type { HttpServices } from '../http-services.js';
import { parseInput } from '../validate.js';

/** A channel's satisfaction survey: supervisors see it, admins change it. */
export function csatRoutes(services: HttpServices): Router {
  const router = Router();
  const id = (params: unknown) => parseInput(IdParams, params, 'params').id;
  router.get('/channels/:id/csat', requireRole('supervisor', 'admin'), async (req, res) => {
    res.json(await services.csatSettings.get(id(req.params)));
  });
  router.put('/channels/:id/csat', requireRole('admin'), async (req, res) => {
    res.json(
      await services.csatSettings.update(id(req.params), parseInput(UpdateCsatSettingsRequest, req.body, 'body')),
    );
  });
  return router;
}
