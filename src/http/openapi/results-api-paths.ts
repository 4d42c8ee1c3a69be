import { z } from 'zod';
import { responsesQuerySchema, summaryQuerySchema, trendQuerySchema } from '../../review/query-schemas.js';
import type { PathItems } from './openapi-types.js';
import { agentsReportSchema, driversReportSchema, responseViewSchema, summaryReportSchema, trendReportSchema } from './report-schemas.js';
import { adminRefusals, errorResponse, jsonResponse, textResponse } from './responses.js';
import { ADMIN_API } from './security.js';
import { queryParameters } from './zod-json-schema.js';

const tags = ['Results API'];
const badQuery = { '400': errorResponse('A query parameter is malformed, or from is not before to'), ...adminRefusals };

/** `/api/review/*` reads: the supervisors' figures as JSON and the CSV export. */
export function resultsApiPaths(): PathItems {
  const filtered = (summary: string, schema: z.ZodType, description?: string) => ({
    get: {
      summary,
      ...(description ? { description } : {}),
      tags,
      security: ADMIN_API,
      parameters: queryParameters(summaryQuerySchema),
      responses: { '200': jsonResponse(summary, schema), ...badQuery },
    },
  });
  return {
    '/api/review/responses': {
      get: {
        summary: 'Stored responses, newest first (test ones included)',
        tags,
        security: ADMIN_API,
        parameters: queryParameters(responsesQuerySchema),
        responses: { '200': jsonResponse('A page of responses', z.object({ items: z.array(responseViewSchema) })), ...badQuery },
      },
    },
    '/api/review/summary': filtered('NPS, its margin of error and volumes over a range', summaryReportSchema, 'from/to default to the last 30 days; a date alone is read as UTC midnight.'),
    '/api/review/trend': {
      get: {
        summary: 'NPS by day or ISO week',
        tags,
        security: ADMIN_API,
        parameters: queryParameters(trendQuerySchema),
        responses: { '200': jsonResponse('The trend', trendReportSchema), ...badQuery },
      },
    },
    '/api/review/agents': filtered('Agents ranked by NPS shrunk toward the company figure', agentsReportSchema),
    '/api/review/drivers': filtered('Reason tags and how much each moves NPS', driversReportSchema),
    '/api/review/export.csv': {
      get: {
        summary: 'Every response matching the filters as CSV (streamed)',
        tags,
        security: ADMIN_API,
        parameters: queryParameters(summaryQuerySchema),
        responses: { '200': textResponse('CSV with a header row', 'text/csv'), ...badQuery },
      },
    },
  };
}
