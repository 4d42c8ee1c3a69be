import { Router, type Request, type Response } from 'express';
import type { RedisClient } from '../redis/redis-client.js';
import type { z } from 'zod';
import type { Keys } from '../redis/keys.js';
import type { ReportCalendar } from '../reports/report-calendar.js';
import { RangeTooLongError, type ReviewReports } from '../reports/review-reports.js';
import type { ResponseStore } from '../store/response-store.js';
import { exportRecords, sendCsvExport } from './csv-export.js';
import { datesAsLocalDays } from './local-dates.js';
import { describeQueryIssues, responsesQuerySchema, summaryQuerySchema, trendQuerySchema } from './query-schemas.js';
import { responseView } from './response-view.js';

export { LOW_SAMPLE_SIZE } from '../reports/review-reports.js';

export interface ResultsApiOptions {
  store: ResponseStore;
  reports: ReviewReports;
  redis: RedisClient;
  keys: Keys;
  now?: () => number;
}

/** Parses the query or answers 400 with what is wrong; undefined when it answered. */
function parseQuery<Schema extends z.ZodType>(schema: Schema, request: Request, response: Response, calendar?: ReportCalendar): z.output<Schema> | undefined {
  const query = schema.safeParse(request.query);
  if (query.success) return calendar ? datesAsLocalDays(query.data as { from?: Date; to?: Date }, request.query, calendar) as z.output<Schema> : query.data;
  response.status(400).json({ error: describeQueryIssues(query.error) });
  return undefined;
}

/** GET /api/review/responses, /summary, /trend, /agents, /drivers and /export.csv (mounted behind the admin check). */
export function resultsApi(options: ResultsApiOptions): Router {
  const router = Router();
  const now = options.now ?? Date.now;

  router.get('/responses', async (request, response) => {
    const query = parseQuery(responsesQuerySchema, request, response);
    if (!query) return;
    const records = await options.store.listNewest(query);
    const at = now();
    response.json({ items: records.map((record) => responseView(record, at)) });
  });

  router.get('/summary', async (request, response) => {
    const query = parseQuery(summaryQuerySchema, request, response, options.reports.calendar);
    if (!query) return;
    const summary = await options.reports.summary(query);
    response.json({ ...summary, ...(query.channel ? { channel: query.channel } : {}) });
  });

  router.get('/trend', async (request, response) => {
    const query = parseQuery(trendQuerySchema, request, response, options.reports.calendar);
    if (!query) return;
    try {
      response.json(await options.reports.trend(query, query.interval));
    } catch (error) {
      if (!(error instanceof RangeTooLongError)) throw error;
      response.status(400).json({ error: error.message });
    }
  });

  router.get('/agents', async (request, response) => {
    const query = parseQuery(summaryQuerySchema, request, response, options.reports.calendar);
    if (query) response.json(await options.reports.agents(query));
  });

  router.get('/drivers', async (request, response) => {
    const query = parseQuery(summaryQuerySchema, request, response, options.reports.calendar);
    if (query) response.json(await options.reports.drivers(query));
  });

  router.get('/export.csv', async (request, response) => {
    const query = parseQuery(summaryQuerySchema, request, response, options.reports.calendar);
    if (!query) return;
    await sendCsvExport(response, exportRecords(options.redis, options.keys, options.store, query), now());
  });

  return router;
}
