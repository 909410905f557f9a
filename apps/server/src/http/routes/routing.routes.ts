import {
  AgentProfileRequest,
  AssignRequest,
  CreateQueueRequest,
  IdParams,
  QUEUE_FIELDS_SUPERVISORS_CHANGE,
  QueueMembersRequest,
  SetStatusRequest,
  TransferRequest,
  UpdateQueueRequest,
} from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { queueStates, transferTargets } from '../../routing/index.js';
import { actorOf, authOf, requireRole } from '../auth.middleware.js';
import { AppError } from '../../lib/errors.js';
import { parseInput } from '../validate.js';

/** A 403 naming each field of the change that the caller's role may not change. */
function refuseFieldsOutside(change: object, allowed: readonly string[]) {
  const refused = Object.keys(change).filter((field) => !allowed.includes(field));
  if (refused.length > 0)
    throw new AppError(
      'FORBIDDEN',
      `only admins change ${refused.join(', ')}`,
      refused.map((field) => ({ path: `body.${field}`, message: 'only admins change this' })),
    );
}

/** Queues, agents' routing profile and status, and the routing actions on a conversation. */
export function routingRoutes(services: HttpServices): Router {
  const router = Router();
  const id = (params: unknown) => parseInput(IdParams, params, 'params').id;

  router.get('/queues', requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json({ items: await queueStates(services.models, services.agents) });
  });
  // Anyone may hand a conversation on: where it can go, read-only, without the queues' set-up.
  router.get('/transfer-targets', async (_req, res) => {
    res.json(await transferTargets(services.models, services.agents, authOf(res).user.id));
  });
  router.post('/queues', requireRole('admin'), async (req, res) => {
    res.status(201).json(await services.queues.create(parseInput(CreateQueueRequest, req.body, 'body'), actorOf(res)));
  });
  // Supervisors run a queue's day (hours, out-of-hours reply, capacity rule, members); admins shape routing.
  router.patch('/queues/:id', requireRole('admin', 'supervisor'), async (req, res) => {
    const change = parseInput(UpdateQueueRequest, req.body, 'body');
    if (authOf(res).user.role !== 'admin') refuseFieldsOutside(change, QUEUE_FIELDS_SUPERVISORS_CHANGE);
    res.json(await services.queues.update(id(req.params), change, actorOf(res)));
  });
  router.put('/queues/:id/members', requireRole('admin', 'supervisor'), async (req, res) => {
    const { userIds } = parseInput(QueueMembersRequest, req.body, 'body');
    res.json({ memberIds: await services.queues.setMembers(id(req.params), userIds, actorOf(res)) });
  });
  router.put('/agents/:id/profile', requireRole('admin', 'supervisor'), async (req, res) => {
    await services.agents.updateProfile(
      id(req.params),
      parseInput(AgentProfileRequest, req.body, 'body'),
      actorOf(res),
    );
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
      await services.router.assign(id(req.params), parseInput(AssignRequest, req.body, 'body'), authOf(res).viewer),
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
