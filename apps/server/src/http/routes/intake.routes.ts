import { IdParams } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** Webhooks acknowledged but not applied in full (supervisors and admins): the list, and replays. */
export function intakeRoutes(services: HttpServices): Router {
  const router = Router();
  const supervisors = requireRole('supervisor', 'admin');
  router.get('/intake/dead', supervisors, async (_req, res) => {
    res.json({ items: await services.inboundDeadLetters.list() });
  });
  // Before `/intake/:id/replay`, which would take `dead` for an id.
  router.post('/intake/dead/replay', supervisors, async (_req, res) => {
    res.json(await services.inboundDeadLetters.replayAll());
  });
  router.post('/intake/:id/replay', supervisors, async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.inboundDeadLetters.replay(id));
  });
  return router;
}
