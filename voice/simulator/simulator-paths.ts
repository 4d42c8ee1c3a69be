import { z } from 'zod';
import type { PathItems } from '../../src/http/openapi/openapi-types.js';
import { adminRefusals, errorResponse, htmlResponse, jsonBody, jsonResponse, redirectResponse, textResponse } from '../../src/http/openapi/responses.js';
import { ADMIN_API } from '../../src/http/openapi/security.js';
import { answerSchema, startSchema } from './simulator-routes.js';

const tags = ['Phone simulator'];
const turn = jsonResponse('What the caller hears next, and what is stored so far', { type: 'object' });
const refusals = { '400': errorResponse('Malformed input'), '404': errorResponse('No such simulated call'), '415': errorResponse('Not JSON'), ...adminRefusals };

/** `/simulator`: a phone call in the browser through the real voice survey (stored as test responses). */
export function simulatorPaths(): PathItems {
  return {
    '/simulator': { get: { summary: 'The simulator page', tags, security: ADMIN_API, responses: { '200': htmlResponse('The page'), '303': redirectResponse('Signed out: to the sign-in form') } } },
    '/simulator/assets/{file}': { get: { summary: "The page's script and stylesheet", tags, security: ADMIN_API, responses: { '200': textResponse('The file', 'text/javascript') } } },
    '/simulator/calls': { post: { summary: 'Start a simulated call', tags, security: ADMIN_API, requestBody: jsonBody(startSchema), responses: { '200': turn, ...refusals } } },
    '/simulator/calls/{callSid}/answer': { post: { summary: 'Answer the current question (keys or speech)', tags, security: ADMIN_API, requestBody: jsonBody(answerSchema), responses: { '200': turn, ...refusals } } },
    '/simulator/calls/{callSid}/hangup': {
      post: { summary: 'Hang up', tags, security: ADMIN_API, responses: { '200': jsonResponse('What was stored', z.object({ stored: z.unknown() })), ...refusals } },
    },
  };
}
