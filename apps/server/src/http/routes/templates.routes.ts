import { CreateTemplateRequest, IdParams, ListTemplatesQuery, UpdateTemplateRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { actorOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** The template catalogue: everyone reads it (agents pick templates from it); admins change it and submit it to review. */
export function templateRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/templates', async (req, res) => {
    res.json({ items: await services.templates.list(parseInput(ListTemplatesQuery, req.query, 'query')) });
  });
  router.get('/templates/:id', async (req, res) => {
    res.json(await services.templates.get(parseInput(IdParams, req.params, 'params').id));
  });
  router.get('/templates/:id/history', async (req, res) => {
    res.json({ items: await services.templates.history(parseInput(IdParams, req.params, 'params').id) });
  });
  router.post('/templates', requireRole('admin'), async (req, res) => {
    res
      .status(201)
      .json(await services.templateReviews.create(parseInput(CreateTemplateRequest, req.body, 'body'), actorOf(res)));
  });
  router.patch('/templates/:id', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(
      await services.templateReviews.update(id, parseInput(UpdateTemplateRequest, req.body, 'body'), actorOf(res)),
    );
  });
  // After a submission to WhatsApp's review failed (the template says why), an admin sends it again.
  router.post('/templates/:id/submit', requireRole('admin'), async (req, res) => {
    res.json(await services.templateReviews.resubmit(parseInput(IdParams, req.params, 'params').id));
  });
  return router;
}
