import {
  AgentProfileRequest,
  AssignRequest,
  CreateQueueRequest,
  IdParams,
  SetStatusRequest,
  TransferRequest,
  UpdateQueueRequest,
} from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { queueStates } from '../../routing/index.js';
import { authOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** Queues, agents' routing profile and status, and the routing actions on a conversation. */
export function routingRoutes(services: HttpServices): Router {
  const router = Router();
  const id = (params: unknown) => parseInput(IdParams, params, 'params').id;

  router.get('/queues', requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json({ items: await queueStates(services.models, services.agents) });
  });
  router.post('/queues', requireRole('admin'), async (req, res) => {
    res.status(201).json(await services.queues.create(parseInput(CreateQueueRequest, req.body, 'body')));
  });
  router.patch('/queues/:id', requireRole('admin'), async (req, res) => {
    res.json(await services.queues.update(id(req.params), parseInput(UpdateQueueRequest, req.body, 'body')));
  });
  router.put('/agents/:id/profile', requireRole('admin', 'supervisor'), async (req, res) => {
    await services.agents.updateProfile(id(req.params), parseInput(AgentProfileRequest, req.body, 'body'));
    res.status(204).end();
  });
  router.put('/me/status', async (req, res) => {
    await services.agents.setStatus(authOf(res).user.id, parseInput(SetStatusRequest, req.body, 'body').status);
    res.status(204).end();
  });

  router.get('/conversations/:id/timeline', async (req, res) => {
    const conversation = await services.conversations.findVisible(id(req.params), authOf(res).viewer);
    res.json({ items: await services.timeline.list(conversation) });
  });
  router.post('/conversations/:id/claim', async (req, res) => {
    res.json(await services.router.claim(id(req.params), authOf(res).viewer));
  });
  router.post('/conversations/:id/assign', async (req, res) => {
    res.json(
      await services.router.assign(
        id(req.params),
        parseInput(AssignRequest, req.body, 'body').userId,
        authOf(res).viewer,
      ),
    );
  });
  router.post('/conversations/:id/transfer', async (req, res) => {
    res.json(
      await services.router.transfer(id(req.params), parseInput(TransferRequest, req.body, 'body'), authOf(res).viewer),
    );
  });
  router.post('/conversations/:id/give-back', async (req, res) => {
    res.json(await services.router.giveBack(id(req.params), authOf(res).viewer));
  });
  return router;
}
