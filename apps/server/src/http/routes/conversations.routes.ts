import { IdParams, ListConversationsQuery, ListEventsQuery, ListMessagesQuery } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { authOf } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

export function conversationRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/conversations', async (req, res) => {
    res.json(
      await services.conversations.list(parseInput(ListConversationsQuery, req.query, 'query'), authOf(res).viewer),
    );
  });
  router.get('/conversations/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.conversations.get(id, authOf(res).viewer));
  });
  router.get('/conversations/:id/messages', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.messages.list(id, parseInput(ListMessagesQuery, req.query, 'query'), authOf(res).viewer));
  });
  router.get('/conversations/:id/events', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const query = parseInput(ListEventsQuery, req.query, 'query');
    const conversation = await services.conversations.findVisible(id, authOf(res).viewer);
    const events = await services.log.since(conversation._id, query.after, query.limit);
    res.json({ events, latestSeq: conversation.seq });
  });
  router.post('/conversations/:id/resolve', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.lifecycle.resolve(id, authOf(res).viewer));
  });
  return router;
}
