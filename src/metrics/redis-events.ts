import type { RedisClient } from '../redis/redis-client.js';
import type { ServiceMetrics } from './service-metrics.js';

/** Counts the client's errors and reconnects; returns what stops counting. */
export function countRedisEvents(redis: RedisClient, metrics: ServiceMetrics): () => void {
  const onError = (): void => metrics.redisErrors.inc();
  const onReconnecting = (): void => metrics.redisReconnects.inc();
  redis.on('error', onError);
  redis.on('reconnecting', onReconnecting);
  return () => {
    redis.off('error', onError);
    redis.off('reconnecting', onReconnecting);
  };
}
