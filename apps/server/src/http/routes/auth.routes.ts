import { LoginRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { Services } from '../../domain/services.js';
import { authOf, requireAuth } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

export function authRoutes(services: Services): Router {
  const router = Router();
  router.post('/auth/login', async (req, res) => {
    res.json(await services.users.login(parseInput(LoginRequest, req.body, 'body')));
  });
  router.get('/me', requireAuth(services.users), (_req, res) => {
    res.json(authOf(res).user);
  });
  return router;
}
