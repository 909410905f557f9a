import { LoginRequest, UpdateMeRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { LoginLimiter } from '../login-limiter.js';
import type { HttpServices } from '../http-services.js';
import { authOf, requireAuth } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

export function authRoutes(services: HttpServices, loginLimiter: LoginLimiter): Router {
  const router = Router();
  router.post('/auth/login', async (req, res) => {
    const input = parseInput(LoginRequest, req.body, 'body');
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    await loginLimiter.attempt(input.email, address);
    const session = await services.users.login(input);
    await loginLimiter.succeeded(input.email, address);
    res.json(session);
  });
  router.get('/me', requireAuth(services.users), (_req, res) => {
    res.json(authOf(res).user);
  });
  router.patch('/me', requireAuth(services.users), async (req, res) => {
    res.json(await services.users.updateMe(authOf(res).user.id, parseInput(UpdateMeRequest, req.body, 'body')));
  });
  return router;
}
