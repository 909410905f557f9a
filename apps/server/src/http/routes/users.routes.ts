import { IdParams, CreateUserRequest, UpdateUserRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { AppError } from '../../lib/errors.js';
import { actorOf, authOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/**
 * The team: supervisors read it (and change agents' and supervisors' queues, capacity and hours through the
 * agent profile, see `mayChangeRoutingOf`); only admins create users and change accounts (role, name, active,
 * password).
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
    // Without this an admin could lock everyone out, the last admin included.
    if (
      id === authOf(res).user.id &&
      (change.active === false || (change.role !== undefined && change.role !== 'admin'))
    ) {
      throw new AppError(
        'CONFLICT',
        'you cannot remove your own admin access or deactivate yourself; ask another admin',
      );
    }
    res.json(await services.users.update(id, change, actorOf(res)));
  });
  router.post('/users/:id/password-reset', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ temporaryPassword: await services.users.resetPassword(id, actorOf(res)) });
  });
  return router;
}
