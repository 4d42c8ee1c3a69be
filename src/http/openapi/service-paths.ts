import { z } from 'zod';
import type { PathItems } from './openapi-types.js';
import { adminRefusals, jsonResponse, textResponse } from './responses.js';
import { anyOf, OPEN } from './security.js';

export const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), redis: z.enum(['up', 'down']) });

/** Health, metrics and this document. */
export function servicePaths(): PathItems {
  return {
    '/healthz': {
      get: {
        summary: 'Liveness and Redis reachability',
        tags: ['Service'],
        security: OPEN,
        responses: { '200': jsonResponse('Redis answers', healthSchema), '503': jsonResponse('Redis does not answer', healthSchema) },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics of this instance (text exposition format)',
        description: 'Also served without authentication on METRICS_PORT when it is set. See the README for the metric names.',
        tags: ['Service'],
        security: anyOf('adminBearer', 'supervisorSession'),
        responses: { '200': textResponse('Prometheus text format 0.0.4', 'text/plain; version=0.0.4'), ...adminRefusals },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document (OpenAPI 3.1)',
        tags: ['Service'],
        security: OPEN,
        responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
}
