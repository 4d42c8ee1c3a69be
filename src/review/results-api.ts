import { Router } from 'express';
import { ScoreCounts } from '../reports/score-counts.js';
import { npsFigures } from '../reports/nps.js';
import type { ResponseStore } from '../store/response-store.js';
import { describeQueryIssues, responsesQuerySchema, summaryQuerySchema } from './query-schemas.js';
import { responseView } from './response-view.js';

/** Fewer scored responses than this and the NPS carries a warning. */
export const LOW_SAMPLE_SIZE = 30;

export interface ResultsApiOptions {
  store: ResponseStore;
  scoreCounts: ScoreCounts;
  now?: () => number;
}

/** GET /api/review/responses and /api/review/summary (mounted behind the admin check). */
export function resultsApi(options: ResultsApiOptions): Router {
  const router = Router();
  const now = options.now ?? Date.now;

  router.get('/responses', async (request, response) => {
    const query = responsesQuerySchema.safeParse(request.query);
    if (!query.success) {
      response.status(400).json({ error: describeQueryIssues(query.error) });
      return;
    }
    const records = await options.store.listNewest(query.data);
    const at = now();
    response.json({ items: records.map((record) => responseView(record, at)) });
  });

  router.get('/summary', async (request, response) => {
    const query = summaryQuerySchema.safeParse(request.query);
    if (!query.success) {
      response.status(400).json({ error: describeQueryIssues(query.error) });
      return;
    }
    const [from, to] = await options.scoreCounts.resolveRange(query.data);
    const figures = npsFigures(await options.scoreCounts.countRange(from, to, query.data));
    response.json({
      ...figures,
      lowSample: figures.total < LOW_SAMPLE_SIZE,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      ...(query.data.channel ? { channel: query.data.channel } : {}),
    });
  });

  return router;
}
