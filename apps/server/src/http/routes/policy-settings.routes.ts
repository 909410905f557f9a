import { PolicyPreviewRequest, SavePriorityRulesRequest, SaveSlaPoliciesRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { actorOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/**
 * Priority rules and SLA policies, edited in settings: supervisors read them and try samples on them; admins
 * change them (every process uses a saved change within SETTINGS_REFRESH_MS).
 */
export function policySettingsRoutes(services: HttpServices): Router {
  const router = Router();
  router.use('/settings', requireRole('admin', 'supervisor'));
  router.get('/settings/priority-rules', (_req, res) => {
    const { content, ...meta } = services.priorityRules.document();
    res.json({ ...meta, ...content });
  });
  router.put('/settings/priority-rules', requireRole('admin'), async (req, res) => {
    const { version, ...content } = parseInput(SavePriorityRulesRequest, req.body, 'body');
    const { content: saved, ...meta } = await services.priorityRules.save(content, version, actorOf(res));
    res.json({ ...meta, ...saved });
  });
  router.get('/settings/sla-policies', (_req, res) => {
    const { content, ...meta } = services.slaPolicies.document();
    res.json({ ...meta, ...content });
  });
  router.put('/settings/sla-policies', requireRole('admin'), async (req, res) => {
    const { version, ...content } = parseInput(SaveSlaPoliciesRequest, req.body, 'body');
    const { content: saved, ...meta } = await services.slaPolicies.save(content, version, actorOf(res));
    res.json({ ...meta, ...saved });
  });
  router.post('/settings/policy-preview', async (req, res) => {
    res.json(await services.policyPreview.preview(parseInput(PolicyPreviewRequest, req.body, 'body')));
  });
  return router;
}
