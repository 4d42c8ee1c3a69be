import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export interface TestRedis {
  redis: Redis;
  url: string;
  prefix: string;
  /** Deletes every key under this test's prefix and closes the connection. */
  cleanup(): Promise<void>;
}

/** A connection to the run's private redis-server and a key prefix that belongs to one test only. */
export function createTestRedis(): Promise<TestRedis> {
  const url = inject('redisUrl');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const prefix = `t:${randomUUID().slice(0, 8)}:`;
  return Promise.resolve({
    redis,
    url,
    prefix,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  });
}
