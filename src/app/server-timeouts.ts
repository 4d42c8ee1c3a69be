import { createServer, type Server } from 'node:http';
import type { Config } from '../config/load-config.js';

/** A client has this long to send its request line and headers (a slow-headers client holds a socket no longer). */
export const HEADERS_TIMEOUT_MS = 15_000;
/** Idle keep-alive connections close after this long. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node looks for requests over their time; its default (30 s) would double the headers timeout. */
const CHECK_EVERY_MS = 1_000;

/** An HTTP server that enforces its timeouts promptly; give it them with applyServerTimeouts. */
export function createHttpServer(): Server {
  return createServer({ connectionsCheckingInterval: CHECK_EVERY_MS });
}

/**
 * Node's defaults let a client take 60 s over its headers and five minutes over its body; these
 * bound how long any one connection can hold a socket (Node reads them at each check).
 */
export function applyServerTimeouts(server: Server, config: Pick<Config, 'HTTP_REQUEST_TIMEOUT_SECONDS'>): void {
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, server.requestTimeout);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}
