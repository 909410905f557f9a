import { IdParams, MergeContactsRequest, SearchContactsQuery, UpdateContactRequest } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { actorOf, authOf, requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

/**
 * Contacts the caller may see: their profile, its change history, their conversations; edits. Merging two
 * contacts cannot be undone, so it is a supervisor's or an admin's.
 */
export function contactRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/contacts', async (req, res) => {
    const query = parseInput(SearchContactsQuery, req.query, 'query');
    res.json({ items: await services.contactProfiles.search(query, authOf(res).viewer) });
  });
  router.get('/contacts/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json(await services.contactProfiles.get(id, authOf(res).viewer));
  });
  router.patch('/contacts/:id', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const edit = parseInput(UpdateContactRequest, req.body, 'body');
    res.json(await services.contactProfiles.update(id, edit, actorOf(res), authOf(res).viewer));
  });
  router.get('/contacts/:id/changes', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ items: await services.contactProfiles.history(id, authOf(res).viewer) });
  });
  router.post('/contacts/:id/merge', requireRole('supervisor', 'admin'), async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const { sourceId } = parseInput(MergeContactsRequest, req.body, 'body');
    res.json(await services.contactMerges.merge(id, sourceId, actorOf(res), authOf(res).viewer));
  });
  router.get('/contacts/:id/conversations', async (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    res.json({ items: await services.contactHistory.list(id, authOf(res).viewer) });
  });
  return router;
}
