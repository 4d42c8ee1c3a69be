import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  /** body-parser's limit in bytes, on a body that was too large. */
  limit?: number;
  /** formBody's field limit, on a form with too many fields. */
  parameterLimit?: number;
}

function sizeOf(bytes: number | undefined): string {
  if (bytes === undefined) return 'the limit';
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** Client mistakes become a 4xx with a message; anything else a 500 that reveals nothing. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const httpError = (error ?? {}) as HttpError;
    const status = httpError.status ?? httpError.statusCode ?? 500;
    if (response.headersSent) return;
    if (httpError.type === 'parameters.too.many') {
      const limit = httpError.parameterLimit === undefined ? '' : ` than ${httpError.parameterLimit}`;
      response.status(413).json({ error: `the form has more fields${limit || ' than allowed'} (too many parameters)` });
      return;
    }
    if (status === 413 || httpError.type === 'entity.too.large') {
      response.status(413).json({ error: `request body is larger than ${sizeOf(httpError.limit)}` });
      return;
    }
    if (httpError.type === 'entity.parse.failed') {
      response.status(400).json({ error: 'request body is not valid JSON' });
      return;
    }
    if (status >= 400 && status < 500) {
      response.status(status).json({ error: httpError.expose && error instanceof Error ? error.message : 'bad request' });
      return;
    }
    logger.error({ err: error }, 'request failed');
    response.status(500).json({ error: 'internal error' });
  };
}

export const notFound: RequestHandler = (request, response) => {
  response.status(404).json({ error: `no route for ${request.method} ${request.path}` });
};
