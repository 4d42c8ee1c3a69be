import type { PathItems } from '../src/http/openapi/openapi-types.js';
import { emptyResponse, errorResponse, jsonBody, jsonResponse } from '../src/http/openapi/responses.js';
import { anyOf } from '../src/http/openapi/security.js';
import { activitySchema } from './activity-guard.js';

/** `POST /api/messages`: the Bot Framework messaging endpoint. */
export function chatPaths(): PathItems {
  return {
    '/api/messages': {
      post: {
        summary: 'A Bot Framework activity from a channel (Teams, Direct Line, Emulator)',
        description:
          'Replies go to the activity’s serviceUrl, which must be in ALLOWED_SERVICE_URLS; with deliveryMode expectReplies they come back in the response body instead. Other activity fields pass through to the bot.',
        tags: ['Chat'],
        security: anyOf('botFrameworkJwt'),
        requestBody: jsonBody(activitySchema),
        responses: {
          '200': jsonResponse('Handled; with expectReplies, the replies', { type: 'object', properties: { activities: { type: 'array', items: { type: 'object' } } } }),
          '201': emptyResponse('Handled'),
          '202': emptyResponse('Accepted'),
          '400': errorResponse('Not an activity, or one the bot cannot take'),
          '401': emptyResponse("The channel's JWT is missing or invalid"),
          '403': errorResponse('serviceUrl is not in ALLOWED_SERVICE_URLS'),
        },
      },
    },
  };
}
