import {
  CreateBotRequest,
  HandoffRequest,
  IdParams,
  IdempotencyKey,
  ResumeRequest,
  UpdateBotRequest,
} from '@switchboard/shared';
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { HttpServices } from '../http-services.js';
import type { BotDoc } from '../../models/bot.model.js';
import { actorOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** What bots call, with their API key (mounted before user authentication). */
export function botApiRoutes(services: HttpServices): Router {
  const router = Router();
  router.use('/bot', async (req, res, next) => {
    res.locals.bot = await services.botKeys.authenticate(req.get('authorization')?.replace(/^Bearer\s+/i, ''));
    next();
  });
  router.post('/bot/handoff', async (req, res) => {
    const key = req.get('idempotency-key');
    const handoffKey = key
      ? parseInput(z.object({ 'idempotency-key': IdempotencyKey }), { 'idempotency-key': key }, 'headers')[
          'idempotency-key'
        ]
      : randomUUID();
    res.json(
      await services.handoffs.handoff(
        res.locals.bot as BotDoc,
        parseInput(HandoffRequest, req.body, 'body'),
        handoffKey,
      ),
    );
  });
  router.post('/bot/resume', async (req, res) => {
    const { conversationId, reason } = parseInput(ResumeRequest, req.body, 'body');
    res.json(await services.handoffs.resume(res.locals.bot as BotDoc, conversationId, reason));
  });
  return router;
}

/** Bot credentials, managed by admins. */
export function botAdminRoutes(services: HttpServices): Router {
  const router = Router();
  router.use('/bots', requireRole('admin'));
  router.get('/bots', async (_req, res) => {
    res.json({ items: await services.botKeys.list() });
  });
  router.post('/bots', async (req, res) => {
    res
      .status(201)
      .json(await services.botKeys.create(parseInput(CreateBotRequest, req.body, 'body').name, actorOf(res)));
  });
  router.patch('/bots/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const { active } = parseInput(UpdateBotRequest, req.body, 'body');
    res.json(await services.botKeys.setActive(id, active, actorOf(res)));
  });
  router.post('/bots/:id/rotate', async (req, res) => {
    res.json(await services.botKeys.rotate(parseInput(IdParams, req.params, 'params').id, actorOf(res)));
  });
  return router;
}
