import type { PathItems } from '../src/http/openapi/openapi-types.js';
import { adminRefusals, errorResponse, jsonBody, jsonResponse } from '../src/http/openapi/responses.js';
import { ADMIN_API } from '../src/http/openapi/security.js';
import { contactEndedSchema } from './contact-request.js';

const tags = ['Contacts'];

/** `/api/contacts`: surveys after a customer contact (docs/contacts.md). */
export function contactPaths(): PathItems {
  return {
    '/api/contacts': {
      post: {
        summary: 'A customer contact ended: decide whether and how to survey it',
        description: 'The same contactId always gets the same decision; see docs/contacts.md for the policy.',
        tags,
        security: ADMIN_API,
        requestBody: jsonBody(contactEndedSchema),
        responses: {
          '202': jsonResponse('The survey decision', { type: 'object' }),
          '400': errorResponse('A field is malformed, or endedAt is more than a day ahead'),
          '413': errorResponse('Body over 16 kB'),
          '415': errorResponse('Not JSON'),
          ...adminRefusals,
        },
      },
    },
    '/api/contacts/{contactId}': {
      get: {
        summary: "A contact's survey decision and what its sending did",
        tags,
        security: ADMIN_API,
        responses: { '200': jsonResponse('The decision', { type: 'object' }), '404': errorResponse('No decision for this contact'), ...adminRefusals },
      },
    },
  };
}
