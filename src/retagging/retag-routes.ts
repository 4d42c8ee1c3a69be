import { Router } from 'express';
import type { Retagger } from './retagger.js';

/** POST /api/review/retag starts re-tagging stored reasons in the background; GET shows its progress. */
export function retagRoutes(retagger: Retagger): Router {
  const router = Router();
  router.get('/', async (_request, response) => {
    response.json(await retagger.progress());
  });
  router.post('/', async (_request, response) => {
    if (!(await retagger.start())) {
      response.status(409).json({ error: 're-tagging is already running', progress: await retagger.progress() });
      return;
    }
    response.status(202).json(await retagger.progress());
  });
  return router;
}
