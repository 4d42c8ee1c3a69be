/** The parts of an OpenAPI 3.1 document this service writes; schemas are JSON Schema 2020-12. */
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Any one of these schemes suffices; `[]` (no entry) means open to anyone. */
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
}

/** Operations by path (OpenAPI's `{name}` templates) and method. */
export type PathItems = Record<string, Partial<Record<HttpMethod, Operation>>>;
