import type { Server } from 'node:http';
import type { RedisClient } from '../redis/redis-client.js';
import type { Config } from '../config/load-config.js';
import { serveApp } from './create-app.js';
import type { Logger } from '../logging/logger.js';
import { connectClient, untilReady, type RedisLocation } from '../redis/connect.js';
import { applyServerTimeouts, createHttpServer } from './server-timeouts.js';
import { startServices, type Services } from './services.js';
import { startMetricsServer } from './metrics-server.js';

export class RedisUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`Cannot reach Redis: ${cause instanceof Error ? cause.message : String(cause)}. Check REDIS_URL (or REDIS_CLUSTER_NODES).`);
    this.name = 'RedisUnreachableError';
  }
}

export interface HttpService {
  server: Server;
  /** The unauthenticated /metrics on METRICS_PORT, when set. */
  metricsServer: Server | undefined;
  /** Stops taking requests, then background work, then closes Redis. */
  stop: () => Promise<void>;
}

/** A request-path client once it can take commands; RedisUnreachableError (and no client left open) when it cannot. */
export async function connectWhenReady(location: RedisLocation, logger: Logger): Promise<RedisClient> {
  const redis = connectClient(location);
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
  const redis = await connectWhenReady({ url: redisUrl, clusterNodes: config.REDIS_CLUSTER_NODES }, logger);
  let services: Services;
  try {
    services = await startServices(config, logger, redis);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
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
  let metricsServer: Server | undefined;
  if (config.METRICS_PORT) {
    try {
      metricsServer = await startMetricsServer(services.metrics.registry, config.METRICS_PORT);
    } catch (error) {
      server.close();
      await services.close().catch(() => undefined);
      redis.disconnect();
      throw new Error(`Cannot listen on METRICS_PORT ${config.METRICS_PORT}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  logger.info({ port: config.PORT, metricsPort: config.METRICS_PORT, production: config.isProduction, pid: process.pid }, 'listening');
  return {
    server,
    metricsServer,
    async stop() {
      metricsServer?.close();
      server.close();
      server.closeAllConnections();
      await services.close().catch((error: unknown) => logger.warn({ err: error }, 'background work did not stop cleanly'));
      await redis.quit().catch(() => undefined);
    },
  };
}
