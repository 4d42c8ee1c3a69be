import type { Request, RequestHandler } from 'express';
import type { ServiceMetrics } from './service-metrics.js';

/** The route pattern that answered (`/voice/answer`, `/api/campaigns/:id`), never the raw URL; `unmatched` when no route did. */
export function routeLabel(request: Request): string {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${request.baseUrl}${path}`;
  // A route on several paths (`['/', '/widget.js']`): they are literal, so the one requested is one of them.
  if (Array.isArray(path) && path.includes(request.path)) return `${request.baseUrl}${request.path}`;
  return request.baseUrl || 'unmatched';
}

/** Observes every request's duration when its response finishes, labelled by route pattern and status. */
export function requestTimer(metrics: ServiceMetrics): RequestHandler {
  return (request, response, next) => {
    const stop = metrics.httpDuration.startTimer();
    response.once('finish', () => stop({ method: request.method, route: routeLabel(request), status: String(response.statusCode) }));
    next();
  };
}
