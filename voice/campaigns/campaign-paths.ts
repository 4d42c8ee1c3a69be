import { z } from 'zod';
import type { PathItems } from '../../src/http/openapi/openapi-types.js';
import { adminRefusals, errorResponse, jsonBody, jsonResponse } from '../../src/http/openapi/responses.js';
import { ADMIN_API, anyOf } from '../../src/http/openapi/security.js';
import { jsonSchemaOf, queryParameters } from '../../src/http/openapi/zod-json-schema.js';
import { auditQuerySchema, campaignRequestSchema, contactRowSchema, contactsRequestSchema, dncQuerySchema, dncRequestSchema } from './campaign-schemas.js';
import { CAMPAIGN_CHANNELS, CONTACT_STATES } from './campaign-types.js';

const tags = ['Campaigns'];
const clockSpan = z.object({ start: z.string(), end: z.string() });

export const campaignViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'running', 'paused', 'completed']),
  counts: z.object(Object.fromEntries(CONTACT_STATES.map((state) => [state, z.number().int().min(0)]))),
  contacts: z.number().int().min(0),
  callsPerSecond: z.number(),
  window: clockSpan,
  callingHours: z.array(clockSpan).describe('Where the window overlaps the legal calling hours, in each contact’s local time'),
  maxAttempts: z.number().int(),
  retryAfterMinutes: z.number(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  fallback: z.enum(['sms']).optional(),
  createdAt: z.string(),
});

export const importResultSchema = z.object({
  id: z.string(),
  imported: z.number().int().min(0),
  rejected: z.array(z.object({ row: z.number().int(), phone: z.string().nullable(), error: z.string() })),
  rejectedCount: z.number().int().min(0),
});

export const auditPageSchema = z.object({
  items: z.array(
    z.object({
      contactId: z.string(),
      attempt: z.number().int(),
      phone: z.string(),
      timezone: z.string(),
      localTime: z.string(),
      at: z.string(),
      result: z.string(),
      callSid: z.string().optional(),
      answeredBy: z.string().optional(),
      endedAt: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

const notFound = { '404': errorResponse('No such campaign') };

/** `/api/campaigns` (robocaller campaigns) and `/api/dnc` (the do-not-call list). */
export function campaignPaths(): PathItems {
  const view = jsonResponse('The campaign', campaignViewSchema);
  return {
    '/api/campaigns': {
      post: {
        summary: 'Create a campaign, with contacts if given',
        tags,
        security: ADMIN_API,
        requestBody: jsonBody(campaignRequestSchema, `contacts: rows as in ${'`'}POST /api/campaigns/{id}/contacts${'`'}`),
        responses: { '201': jsonResponse('Created; the contacts imported and refused', importResultSchema), '400': errorResponse('A setting is out of range'), '413': errorResponse('Body over 25 MB'), ...adminRefusals },
      },
      get: { summary: 'Every campaign', tags, security: ADMIN_API, responses: { '200': jsonResponse('The campaigns', z.object({ items: z.array(campaignViewSchema) })), ...adminRefusals } },
    },
    '/api/campaigns/{id}': { get: { summary: 'A campaign and its contacts by state', tags, security: ADMIN_API, responses: { '200': view, ...notFound, ...adminRefusals } } },
    '/api/campaigns/{id}/contacts': {
      post: {
        summary: 'Add contacts (JSON or CSV with a header row)',
        tags,
        security: ADMIN_API,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [jsonSchemaOf(contactsRequestSchema, 'input'), { type: 'array', items: jsonSchemaOf(contactRowSchema, 'input') }] } },
            'text/csv': { schema: { type: 'string', description: 'Columns phone, timezone and optionally name, customerId, agentId, agentName, language; up to 200 MB, streamed' } },
          },
        },
        responses: { '201': jsonResponse('Imported; refused rows with their reasons', importResultSchema), '400': errorResponse('Malformed body'), '415': errorResponse('Neither JSON nor CSV'), ...notFound, ...adminRefusals },
      },
    },
    '/api/campaigns/{id}/start': { post: { summary: 'Start (or resume) dialling', tags, security: ADMIN_API, responses: { '200': view, '409': errorResponse('No Twilio credentials: the dialer cannot call'), ...notFound, ...adminRefusals } } },
    '/api/campaigns/{id}/pause': { post: { summary: 'Pause dialling (calls in progress go on)', tags, security: ADMIN_API, responses: { '200': view, '409': errorResponse('Not running'), ...notFound, ...adminRefusals } } },
    '/api/campaigns/{id}/calls': {
      get: {
        summary: 'The dialling audit: every attempt, oldest first',
        tags,
        security: ADMIN_API,
        parameters: queryParameters(auditQuerySchema),
        responses: { '200': jsonResponse('A page of attempts', auditPageSchema), '400': errorResponse('Bad offset or limit'), ...notFound, ...adminRefusals },
      },
    },
    '/api/dnc': {
      post: {
        summary: 'Put numbers on the do-not-call list',
        tags: ['Do not call'],
        security: ADMIN_API,
        requestBody: jsonBody(dncRequestSchema),
        responses: { '200': jsonResponse('Added (numbers new to the list) and the numbers in E.164', z.object({ added: z.number().int(), phones: z.array(z.string()) })), '400': errorResponse('A number is not valid; nothing was added'), ...adminRefusals },
      },
      get: {
        summary: 'Whether a number or customer is on the list',
        tags: ['Do not call'],
        security: ADMIN_API,
        parameters: queryParameters(dncQuerySchema),
        responses: { '200': jsonResponse('The entry', z.object({ phone: z.string().optional(), customerId: z.string().optional(), onList: z.boolean() })), '400': errorResponse('Not exactly one of phone and customerId'), ...adminRefusals },
      },
      delete: {
        summary: 'Take a number or customer off the list (bearer ADMIN_TOKEN only; audit-logged)',
        tags: ['Do not call'],
        security: anyOf('adminBearer'),
        parameters: queryParameters(dncQuerySchema),
        responses: {
          '200': jsonResponse('Whether it was on the list', z.object({ phone: z.string().optional(), customerId: z.string().optional(), removed: z.boolean() })),
          '400': errorResponse('Not exactly one of phone and customerId'),
          '401': errorResponse('No valid credential'),
          '403': errorResponse('A session, not the bearer token'),
        },
      },
    },
  };
}
