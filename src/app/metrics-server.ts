import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * METRICS_PORT: `GET /metrics` without authentication, on a port of its own that only the
 * scraper's network reaches; anything else there is 404. Resolves once it listens.
 */
export async function startMetricsServer(registry: Registry, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Only GET /metrics is served on METRICS_PORT.\n');
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(request.method === 'HEAD' ? undefined : body),
      (error: unknown) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, () => {
      server.off('error', failed);
      listening();
    });
  });
  return server;
}
