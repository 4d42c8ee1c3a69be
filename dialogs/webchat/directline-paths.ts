import { z } from 'zod';
import type { Operation, PathItems, ResponseObject } from '../../src/http/openapi/openapi-types.js';
import { jsonBody, jsonResponse } from '../../src/http/openapi/responses.js';
import { anyOf, OPEN } from '../../src/http/openapi/security.js';
import { queryParameters } from '../../src/http/openapi/zod-json-schema.js';
import { postedActivitySchema } from './directline-activity.js';

const tags = ['Direct Line'];
const DIRECT_LINE_TOKEN = anyOf('directLineToken');

export const directLineErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const issuedTokenSchema = z.object({ conversationId: z.string(), token: z.string(), expires_in: z.number().int() });
export const conversationSchema = issuedTokenSchema.extend({ streamUrl: z.string().describe('WebSocket URL streaming ActivitySets after the watermark; single use') });
export const activitySetSchema = z.object({ activities: z.array(z.looseObject({ id: z.string(), type: z.string() })), watermark: z.string() });
const watermarkQuery = z.object({ watermark: z.string().regex(/^\d{0,7}$/).optional().describe('From an earlier answer; activities after it') });

function refusal(description: string): ResponseObject {
  return jsonResponse(description, directLineErrorSchema);
}

const tokenRefusals = { '401': refusal('No bearer token'), '403': refusal('Token invalid, expired or for another conversation (code TokenExpired when expired)') };
const limited = { '429': refusal('Rate limited (Retry-After)') };

function operation(summary: string, rest: Partial<Operation>): Operation {
  return { summary, tags, security: DIRECT_LINE_TOKEN, responses: {}, ...rest };
}

/**
 * `/v3/directline`: the part of Direct Line 3.0 Web Chat and botframework-directlinejs use. Error
 * bodies are Direct Line's `{"error": {"code", "message"}}`. The WebSocket stream at
 * `/v3/directline/conversations/{id}/stream?t=…` is an HTTP upgrade, named by `streamUrl`.
 */
export function directLinePaths(): PathItems {
  return {
    '/v3/directline/tokens/generate': {
      post: operation('A token for a new conversation (no sign-in: a survey asks nobody to)', { security: OPEN, responses: { '200': jsonResponse('The token', issuedTokenSchema), '403': refusal('Origin not allowed (WIDGET_ALLOWED_ORIGINS)'), ...limited } }),
    },
    '/v3/directline/tokens/refresh': {
      post: operation('A fresh token for the same conversation; the old one stops working', { responses: { '200': jsonResponse('The new token', issuedTokenSchema), ...tokenRefusals, ...limited } }),
    },
    '/v3/directline/conversations': {
      post: operation("Start the token's conversation", {
        responses: { '201': jsonResponse('Started', conversationSchema), '200': jsonResponse('Already started', conversationSchema), ...tokenRefusals, ...limited },
      }),
    },
    '/v3/directline/conversations/{conversationId}': {
      get: operation('Reconnect: a fresh streamUrl from the watermark', {
        parameters: queryParameters(watermarkQuery),
        responses: { '200': jsonResponse('The conversation', conversationSchema), '400': refusal('Malformed watermark'), ...tokenRefusals, ...limited },
      }),
    },
    '/v3/directline/conversations/{conversationId}/activities': {
      post: operation('Send an activity (message, event or typing)', {
        requestBody: jsonBody(postedActivitySchema),
        responses: {
          '200': jsonResponse("The activity's id", z.object({ id: z.string() })),
          '400': refusal('Not an activity the survey takes'),
          ...tokenRefusals,
          '404': refusal('Unknown conversation'),
          '413': refusal('Body over 1 MB'),
          '429': refusal('Rate limited, or the conversation is full'),
          '503': refusal('The conversation is busy; send again (Retry-After)'),
        },
      }),
      get: operation('Poll: activities after the watermark', {
        parameters: queryParameters(watermarkQuery),
        responses: { '200': jsonResponse('An ActivitySet', activitySetSchema), '400': refusal('Malformed watermark'), ...tokenRefusals, '404': refusal('Unknown conversation') },
      }),
    },
    '/v3/directline/conversations/{conversationId}/upload': {
      post: operation('Attachments: always refused', { responses: { '400': refusal('This survey accepts no attachments') } }),
    },
  };
}
