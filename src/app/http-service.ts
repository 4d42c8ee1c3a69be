import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Config } from '../config/load-config.js';
import { serveApp } from './create-app.js';
import type { Logger } from '../logging/logger.js';
import { connectRedis, untilReady } from '../redis/connect.js';
import { applyServerTimeouts, createHttpServer } from './server-timeouts.js';
import { createServices } from './services.js';

export class RedisUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`Cannot reach Redis: ${cause instanceof Error ? cause.message : String(cause)}. Check REDIS_URL.`);
    this.name = 'RedisUnreachableError';
  }
}

export interface HttpService {
  server: Server;
  /** Stops taking requests, then background work, then closes Redis. */
  stop: () => Promise<void>;
}

/** A request-path client once it can take commands; RedisUnreachableError (and no client left open) when it cannot. */
export async function connectWhenReady(redisUrl: string, logger: Logger): Promise<Redis> {
  const redis = connectRedis(redisUrl);
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection problem'));
  try {
    await untilReady(redis);
  } catch (error) {
    redis.disconnect();
    throw new RedisUnreachableError(error);
  }
  return redis;
}

/** One instance of the service: a Redis client, the services and the HTTP server on PORT. */
export async function startHttpService(config: Config, logger: Logger, redisUrl: string): Promise<HttpService> {
  const redis = await connectWhenReady(redisUrl, logger);
  const services = createServices(config, logger, redis);
  const server = createHttpServer();
  applyServerTimeouts(server, config);
  serveApp(server, services);
  server.listen(config.PORT);
  try {
    await new Promise<void>((listening, failed) => {
      server.once('listening', listening);
      server.once('error', failed);
    });
  } catch (error) {
    await services.close().catch(() => undefined);
    redis.disconnect();
    throw new Error(`Cannot listen on port ${config.PORT}: ${error instanceof Error ? error.message : String(error)}`);
  }
  logger.info({ port: config.PORT, production: config.isProduction, pid: process.pid }, 'listening');
  return {
    server,
    async stop() {
      server.close();
      server.closeAllConnections();
      await services.close().catch((error: unknown) => logger.warn({ err: error }, 'background work did not stop cleanly'));
      await redis.quit().catch(() => undefined);
    },
  };
}
