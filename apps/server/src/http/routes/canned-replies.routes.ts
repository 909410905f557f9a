import {
  CreateCannedReplyRequest,
  IdParams,
  ListCannedRepliesQuery,
  RenderCannedReplyRequest,
  UpdateCannedReplyRequest,
} from '@switchboard/shared';
import { Router, type Response } from 'express';
import type { CannedActor } from '../../canned/index.js';
import type { HttpServices } from '../http-services.js';
import { authOf } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

const actorOf = (res: Response): CannedActor => {
  const { id, name, role } = authOf(res).user;
  return { id, name, role };
};

/** Canned replies: everyone keeps personal ones; supervisors and admins manage the shared ones. */
export function cannedReplyRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/canned-replies', async (req, res) => {
    const query = parseInput(ListCannedRepliesQuery, req.query, 'query');
    res.json({ items: await services.cannedReplies.list(actorOf(res), query) });
  });
  router.post('/canned-replies', async (req, res) => {
    const request = parseInput(CreateCannedReplyRequest, req.body, 'body');
    res.status(201).json(await services.cannedReplies.create(request, actorOf(res)));
  });
  router.patch('/canned-replies/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const request = parseInput(UpdateCannedReplyRequest, req.body, 'body');
    res.json(await services.cannedReplies.update(id, request, actorOf(res)));
  });
  router.delete('/canned-replies/:id', async (req, res) => {
    await services.cannedReplies.remove(parseInput(IdParams, req.params, 'params').id, actorOf(res));
    res.status(204).end();
  });
  router.post('/canned-replies/:id/render', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const { conversationId } = parseInput(RenderCannedReplyRequest, req.body, 'body');
    res.json(await services.cannedRender.render(id, conversationId, actorOf(res), authOf(res).viewer));
  });
  return router;
}
