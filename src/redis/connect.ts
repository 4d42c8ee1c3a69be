import { Redis, type RedisOptions } from 'ioredis';

/** A client for request paths: fails a command fast instead of queueing it for ever while Redis is away. */
export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    ...options,
  });
}
