import { IdParams, ListMentionsQuery, ReadMentionsRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { authOf } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/** The caller's mentions (the "Mentions" view), reading them, and who may be named in a conversation. */
export function mentionRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/mentions', async (req, res) => {
    const query = parseInput(ListMentionsQuery, req.query, 'query');
    res.json(await services.mentions.list(authOf(res).user.id, query));
  });
  router.post('/mentions/read', async (req, res) => {
    const request = parseInput(ReadMentionsRequest, req.body, 'body');
    res.json(await services.mentions.markRead(authOf(res).user.id, request));
  });
  router.get('/conversations/:id/mentionable', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ items: await services.mentions.mentionable(id, authOf(res).viewer) });
  });
  return router;
}
