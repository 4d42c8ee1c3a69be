import { z } from 'zod';
import type { JsonSchema, MediaType, Operation, ResponseObject } from './openapi-types.js';
import { jsonSchemaOf } from './zod-json-schema.js';

/** The error body of this service's own APIs. */
export const errorBodySchema = z.object({ error: z.string() });

function schemaOf(schema: z.ZodType | JsonSchema): JsonSchema {
  return schema instanceof z.ZodType ? jsonSchemaOf(schema, 'output') : schema;
}

export function jsonResponse(description: string, schema: z.ZodType | JsonSchema): ResponseObject {
  return { description, content: { 'application/json': { schema: schemaOf(schema) } } };
}

export function errorResponse(description: string): ResponseObject {
  return jsonResponse(description, { $ref: '#/components/schemas/Error' });
}

export function htmlResponse(description: string): ResponseObject {
  return { description, content: { 'text/html': { schema: { type: 'string' } } } };
}

export function textResponse(description: string, mediaType = 'text/plain'): ResponseObject {
  return { description, content: { [mediaType]: { schema: { type: 'string' } } } };
}

export function emptyResponse(description: string): ResponseObject {
  return { description };
}

export function redirectResponse(description: string): ResponseObject {
  return { description, headers: { Location: { description: 'Where to go next', schema: { type: 'string' } } } };
}

export function jsonBody(schema: z.ZodType | JsonSchema, description?: string): NonNullable<Operation['requestBody']> {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema: schema instanceof z.ZodType ? jsonSchemaOf(schema, 'input') : schema } } };
}

export function formBody(schema: z.ZodType | JsonSchema, description?: string): NonNullable<Operation['requestBody']> {
  return { required: true, ...(description ? { description } : {}), content: { 'application/x-www-form-urlencoded': { schema: schema instanceof z.ZodType ? jsonSchemaOf(schema, 'input') : schema } } };
}

export function bodyOf(content: Record<string, MediaType>, description?: string): NonNullable<Operation['requestBody']> {
  return { required: true, ...(description ? { description } : {}), content };
}

/** 401 and 403 of the supervisor APIs (no or a wrong credential; a session write without its CSRF token). */
export const adminRefusals: Record<string, ResponseObject> = {
  '401': errorResponse('No valid bearer ADMIN_TOKEN and no supervisor session'),
  '403': errorResponse('A session write without its X-CSRF-Token, or from another site'),
};

/** What a signed Twilio webhook answers when the signature is missing, wrong or cannot be checked. */
export const signatureRefusal: Record<string, ResponseObject> = {
  '403': textResponse('The X-Twilio-Signature is missing or does not match PUBLIC_URL + path, or TWILIO_AUTH_TOKEN is not set'),
};
