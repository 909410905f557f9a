import { SearchQuery } from '@switchboard/shared';
import { Router } from 'express';
import { authOf } from '../auth.middleware.js';
import type { HttpServices } from '../http-services.js';
import { parseInput } from '../validate.js';

/** Search across history: what the signed-in user may see, answered from the search index. */
export function searchRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/search', (req, res) => {
    res.json(services.search.search(parseInput(SearchQuery, req.query, 'query'), authOf(res).viewer));
  });
  return router;
}
