import { z } from 'zod';
import {
  assignFormSchema,
  dailyPageQuerySchema,
  filterPageQuerySchema,
  formTokenSchema,
  noteFormSchema,
  queuePageQuerySchema,
  responsesPageQuerySchema,
} from '../../review/query-schemas.js';
import type { Operation, PathItems } from './openapi-types.js';
import { errorResponse, formBody, htmlResponse, redirectResponse, textResponse } from './responses.js';
import { ADMIN_API, OPEN } from './security.js';
import { queryParameters } from './zod-json-schema.js';

const tags = ['Review pages'];
const signedOut = { '303': redirectResponse('A signed-out browser is sent to /review/sign-in'), '401': textResponse('Signed out, and not a browser') };
const formSignedOut = { '401': textResponse('Signed out') };

function page(summary: string, query?: z.ZodType): Operation {
  return {
    summary,
    tags,
    security: ADMIN_API,
    ...(query ? { parameters: queryParameters(query) } : {}),
    responses: { '200': htmlResponse(summary), '400': htmlResponse('A filter is malformed'), ...signedOut },
  };
}

function queueAction(summary: string, form: z.ZodType): Operation {
  return {
    summary,
    tags: ['Review queue'],
    security: ADMIN_API,
    requestBody: formBody(form),
    responses: {
      '303': redirectResponse('Done; back to the response page'),
      '400': htmlResponse('A note without text'),
      '403': htmlResponse('A missing or wrong form token, or another site'),
      '404': htmlResponse('No such review item'),
      ...formSignedOut,
    },
  };
}

/** The supervisors' HTML pages under /review, the review queue's form posts, sign-in and sign-out, and their assets. */
export function reviewPagePaths(): PathItems {
  return {
    '/review': { get: page('Dashboard: NPS, trend, open queue, latest responses', filterPageQuerySchema) },
    '/review/agents': { get: page('Agents ranked by NPS', filterPageQuerySchema) },
    '/review/drivers': { get: page('What drives NPS (reason tags)', filterPageQuerySchema) },
    '/review/responses': { get: page('Responses, newest first', responsesPageQuerySchema) },
    '/review/responses/{id}': { get: { ...page('One response: answers, transcript, review item'), responses: { '200': htmlResponse('The response'), '404': htmlResponse('No such response'), ...signedOut } } },
    '/review/responses/{id}/recording': {
      get: {
        summary: "The call's recording, fetched from Twilio with the account's credentials",
        tags,
        security: ADMIN_API,
        responses: { '200': { description: 'The audio', content: { 'audio/mpeg': { schema: { type: 'string', contentMediaType: 'audio/mpeg' } } } }, '404': errorResponse('No recording for this response'), '502': textResponse('Twilio did not give the recording') },
      },
    },
    '/review/queue': { get: page('The review queue (detractors to follow up)', queuePageQuerySchema) },
    '/review/queue/{id}/assign': { post: queueAction('Assign a review item (or unassign it)', assignFormSchema) },
    '/review/queue/{id}/notes': { post: queueAction('Add a note to a review item', noteFormSchema) },
    '/review/queue/{id}/follow-up': { post: queueAction('Mark a review item followed up (done)', formTokenSchema) },
    '/review/queue/{id}/reopen': { post: queueAction('Reopen a review item', formTokenSchema) },
    '/review/daily': { get: page("A day's digest", dailyPageQuerySchema) },
    '/review/alerts': { get: page('Webhook deliveries (the detractor alerts and digests)') },
    '/review/sign-in': {
      get: {
        summary: 'The sign-in form',
        tags: ['Sign-in'],
        security: OPEN,
        parameters: queryParameters(z.object({ next: z.string().optional().describe('A /review or /simulator path to go back to') })),
        responses: { '200': htmlResponse('The form'), '303': redirectResponse('Already signed in'), '429': errorResponse('Too many page requests') },
      },
      post: {
        summary: 'Sign in with a username and password, or the ADMIN_TOKEN',
        tags: ['Sign-in'],
        security: OPEN,
        requestBody: formBody(
          z.object({ username: z.string().optional(), password: z.string().optional(), token: z.string().optional().describe('The ADMIN_TOKEN instead of a password'), _csrf: z.string(), next: z.string().optional() }),
        ),
        responses: {
          '303': redirectResponse('Signed in: a session cookie is set'),
          '401': htmlResponse('Wrong username or password'),
          '403': htmlResponse('The form expired or came from another site'),
          '429': htmlResponse('Too many attempts (Retry-After says when to try again)'),
        },
      },
    },
    '/review/sign-out': {
      post: { summary: 'Sign out (ends the session)', tags: ['Sign-in'], security: ADMIN_API, requestBody: formBody(formTokenSchema), responses: { '303': redirectResponse('Signed out'), '403': htmlResponse('Wrong form token'), ...formSignedOut } },
    },
    '/review/assets/{file}': { get: { summary: "The pages' stylesheet and scripts", tags, security: OPEN, responses: { '200': textResponse('The file', 'text/css'), '404': textResponse('No such file') } } },
    '/favicon.ico': { get: { summary: 'The icon', tags, security: OPEN, responses: { '200': { description: 'The icon', content: { 'image/x-icon': {} } } } } },
    '/favicon.svg': { get: { summary: 'The icon', tags, security: OPEN, responses: { '200': { description: 'The icon', content: { 'image/svg+xml': {} } } } } },
  };
}
