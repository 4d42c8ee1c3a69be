import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/** Prometheus's text exposition of one registry. */
export function metricsRoute(registry: Registry): RequestHandler {
  return async (_request, response) => {
    const body = await registry.metrics();
    response.setHeader('Cache-Control', 'no-store');
    response.type(registry.contentType).send(body);
  };
}
