import { z } from 'zod';
import type { JsonSchema, Parameter } from './openapi-types.js';

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). `input` describes what a client
 * sends (before defaults and transforms), `output` what the service answers. Refinements and
 * transforms have no JSON Schema form; they are left out rather than refused.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** A query schema (a zod object) as one OpenAPI parameter per field. */
export function queryParameters(schema: z.ZodType): Parameter[] {
  const object = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property as JsonSchema & { description?: string };
    return { name, in: 'query', ...(object.required?.includes(name) ? { required: true } : {}), ...(description ? { description } : {}), schema: propertySchema };
  });
}
