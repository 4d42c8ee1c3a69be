import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

/** One debug line per request: method, path, status and time; never headers or bodies (tokens, phone numbers). */
export function requestLog(logger: Logger): RequestHandler {
  return (request, response, next) => {
    if (!logger.isLevelEnabled('debug')) return next();
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: request.method, path: request.path, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
