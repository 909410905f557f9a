import { IdParams, CreateUserRequest, UpdateUserRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { Services } from '../../domain/services.js';
import { requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** User management: admins only. Mounted behind requireAuth. */
export function userRoutes(services: Services): Router {
  const router = Router();
  router.use('/users', requireRole('admin'));
  router.get('/users', async (_req, res) => {
    res.json({ items: await services.users.list() });
  });
  router.post('/users', async (req, res) => {
    res.status(201).json(await services.users.create(parseInput(CreateUserRequest, req.body, 'body')));
  });
  router.patch('/users/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.users.update(id, parseInput(UpdateUserRequest, req.body, 'body')));
  });
  return router;
}
