import type { HttpMethod, Operation, PathItems } from './openapi-types.js';
import { errorBodySchema } from './responses.js';
import { securitySchemes } from './security.js';
import { jsonSchemaOf } from './zod-json-schema.js';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: PathItems;
  components: Record<string, unknown>;
  tags: Array<{ name: string; description: string }>;
}

export interface DocumentParts {
  version: string;
  /** Each area's path items; a method and path given twice is a mistake and throws. */
  areas: PathItems[];
  tags: Array<{ name: string; description: string }>;
}

/** The path's `{name}` templates as required path parameters, unless the operation declares them itself. */
function withPathParameters(path: string, operation: Operation): Operation {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const declared = new Set((operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
  const missing = names.filter((name) => !declared.has(name)).map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' } }));
  return missing.length === 0 ? operation : { ...operation, parameters: [...missing, ...(operation.parameters ?? [])] };
}

function operationId(method: HttpMethod, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method, ...words.map((word) => word[0]?.toUpperCase() + word.slice(1))].join('');
}

/** The service's OpenAPI 3.1 document, from every area's path items. */
export function openApiDocument(parts: DocumentParts): OpenApiDocument {
  const paths: PathItems = {};
  for (const area of parts.areas) {
    for (const [path, item] of Object.entries(area)) {
      const target = (paths[path] ??= {});
      for (const [method, operation] of Object.entries(item) as Array<[HttpMethod, Operation]>) {
        if (target[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
        target[method] = { operationId: operationId(method, path), ...withPathParameters(path, operation) };
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'NPS survey service',
      version: parts.version,
      description:
        'A two-question NPS survey over Bot Framework chat, the web chat (Direct Line 3.0) and Twilio voice, with supervisor reports and robocaller campaigns. Generated at start-up from the zod schemas the routes validate with.',
    },
    paths,
    components: { securitySchemes, schemas: { Error: jsonSchemaOf(errorBodySchema) } },
    tags: parts.tags,
  };
}
