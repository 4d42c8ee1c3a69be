import { z } from 'zod';
import { erasureRequestSchema } from '../../privacy/erasure-routes.js';
import type { PathItems } from './openapi-types.js';
import { retagProgressSchema } from './report-schemas.js';
import { adminRefusals, errorResponse, jsonBody, jsonResponse } from './responses.js';
import { ADMIN_API } from './security.js';

/** Erasure on request and re-tagging: the supervisors' writes under /api/review. */
export function privacyPaths(): PathItems {
  return {
    '/api/review/erasure': {
      post: {
        summary: 'Erase everything stored about one customer',
        description: 'Survey responses (with their transcripts, chat logs and recordings) and campaign contacts of the customer id or phone number. Give at least one.',
        tags: ['Privacy'],
        security: ADMIN_API,
        requestBody: jsonBody(erasureRequestSchema),
        responses: {
          '200': jsonResponse('How many records of each kind were erased', z.object({ erased: z.number().int(), campaignContacts: z.number().int() }).catchall(z.number().int())),
          '400': errorResponse('Neither customerId nor phone, a malformed phone, or unknown fields'),
          ...adminRefusals,
        },
      },
    },
    '/api/review/retag': {
      get: {
        summary: 'Progress of the latest re-tagging run',
        tags: ['Retagging'],
        security: ADMIN_API,
        responses: { '200': jsonResponse('Progress', retagProgressSchema), ...adminRefusals },
      },
      post: {
        summary: 'Re-tag every stored reason with the current tagger, in the background',
        tags: ['Retagging'],
        security: ADMIN_API,
        responses: {
          '202': jsonResponse('Started; progress so far', retagProgressSchema),
          '409': jsonResponse('A run is already going', z.object({ error: z.string(), progress: retagProgressSchema })),
          ...adminRefusals,
        },
      },
    },
  };
}
