import { IdParams, CreateUserRequest, UpdateUserRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { actorOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/**
 * The team: supervisors read it (and change agents' and supervisors' queues, capacity and hours through the
 * agent profile, see `mayChangeRoutingOf`); only admins create users and change accounts (role, name, active,
 * password), and never so that no active admin is left.
 */
export function userRoutes(services: HttpServices): Router {
  const router = Router();
  router.use('/users', requireRole('admin', 'supervisor'));
  router.get('/users', async (_req, res) => {
    res.json({ items: await services.users.list() });
  });
  router.post('/users', requireRole('admin'), async (req, res) => {
    res.status(201).json(await services.users.create(parseInput(CreateUserRequest, req.body, 'body'), actorOf(res)));
  });
  router.patch('/users/:id', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const change = parseInput(UpdateUserRequest, req.body, 'body');
    res.json(await services.users.update(id, change, actorOf(res)));
  });
  router.post('/users/:id/password-reset', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ temporaryPassword: await services.users.resetPassword(id, actorOf(res)) });
  });
  return router;
}
