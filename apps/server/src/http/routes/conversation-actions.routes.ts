import { CorrectIntentRequest, EscalateRequest, IdParams, LabelsRequest, SnoozeRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { authOf } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** Labels, intent corrections, snooze, reopen and escalation: each on a conversation the caller may see (404 otherwise). */
export function conversationActionRoutes(services: HttpServices): Router {
  const router = Router();
  const id = (params: unknown) => parseInput(IdParams, params, 'params').id;

  router.put('/conversations/:id/labels', async (req, res) => {
    res.json(
      await services.actions.setLabels(id(req.params), parseInput(LabelsRequest, req.body, 'body'), authOf(res).viewer),
    );
  });
  router.put('/conversations/:id/intent', async (req, res) => {
    res.json(
      await services.intentCorrections.correct(
        id(req.params),
        parseInput(CorrectIntentRequest, req.body, 'body'),
        authOf(res).viewer,
      ),
    );
  });
  router.post('/conversations/:id/snooze', async (req, res) => {
    res.json(
      await services.snoozes.snooze(id(req.params), parseInput(SnoozeRequest, req.body, 'body'), authOf(res).viewer),
    );
  });
  router.delete('/conversations/:id/snooze', async (req, res) => {
    res.json(await services.snoozes.unsnooze(id(req.params), authOf(res).viewer));
  });
  router.post('/conversations/:id/reopen', async (req, res) => {
    res.json(await services.lifecycle.reopen(id(req.params), authOf(res).viewer));
  });
  router.post('/conversations/:id/escalate', async (req, res) => {
    res.json(
      await services.actions.escalate(
        id(req.params),
        parseInput(EscalateRequest, req.body, 'body'),
        authOf(res).viewer,
      ),
    );
  });
  return router;
}
