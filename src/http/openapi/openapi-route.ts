import type { RequestHandler } from 'express';
import type { OpenApiDocument } from './openapi-document.js';

/** `GET /openapi.json`: the document, serialised once; open to anyone (it describes, it holds no data). */
export function openApiRoute(document: OpenApiDocument): RequestHandler {
  const body = JSON.stringify(document);
  return (_request, response) => {
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.type('json').send(body);
  };
}
