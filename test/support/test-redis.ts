import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { inject } from 'vitest';
import { parseClusterNodes, untilReady } from '../../src/redis/connect.js';
import type { RedisClient } from '../../src/redis/redis-client.js';

export interface TestRedis {
  /** The run's single redis-server, or (in the `cluster` project) its Redis Cluster. */
  redis: RedisClient;
  url: string;
  /** REDIS_CLUSTER_NODES of the run's Redis Cluster, in the `cluster` project; undefined on a single node. */
  clusterNodes: string | undefined;
  prefix: string;
  /** Deletes every key under this test's prefix and closes the connection. */
  cleanup(): Promise<void>;
}

/** Keys under `pattern` on one node, by SCAN (never KEYS: the server is shared with the tests still running). */
async function scanNode(node: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/** Deletes the keys under `prefix`: on a cluster, every master is scanned and each key is deleted on its own (keys of many slots). */
export async function deleteKeysUnder(redis: RedisClient, prefix: string): Promise<void> {
  if (redis instanceof Cluster) {
    for (const master of redis.nodes('master')) {
      const keys = await scanNode(master, `${prefix}*`);
      for (let start = 0; start < keys.length; start += 500) await Promise.all(keys.slice(start, start + 500).map((key) => redis.unlink(key)));
    }
    return;
  }
  const keys = await scanNode(redis, `${prefix}*`);
  for (let start = 0; start < keys.length; start += 500) await redis.unlink(...keys.slice(start, start + 500));
}

/**
 * A connection to the run's private Redis and a key prefix that belongs to one test only. In the
 * `cluster` project (vitest.config.ts) that is the run's Redis Cluster, and the app started by
 * test-app.ts runs on it too (REDIS_CLUSTER_NODES). `ownCluster` (its seed nodes) is a cluster the
 * test started for itself, e.g. to kill one of its nodes.
 */
export async function createTestRedis(ownCluster?: string): Promise<TestRedis> {
  const url = inject('redisUrl');
  const clusterNodes = ownCluster ?? inject('redisClusterNodes');
  const prefix = `t:${randomUUID().slice(0, 8)}:`;
  let redis: RedisClient;
  if (clusterNodes) {
    redis = new Cluster(parseClusterNodes(clusterNodes), { redisOptions: { maxRetriesPerRequest: 1 } });
    await untilReady(redis);
  } else {
    redis = new Redis(url, { maxRetriesPerRequest: 1 });
  }
  return {
    redis,
    url,
    clusterNodes,
    prefix,
    async cleanup() {
      await deleteKeysUnder(redis, prefix);
      redis.disconnect();
    },
  };
}
