import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisClient } from './redis-client.js';

/**
 * How request paths talk to Redis. While Redis is away a command fails at once instead of waiting
 * in an offline queue and running minutes later, after the caller was told we could not take it.
 */
const REQUEST_PATH: RedisOptions = {
  enableOfflineQueue: false,
  enableAutoPipelining: true,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout: 2000,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { ...REQUEST_PATH, ...options });
}

/** `host:port,host:port,…` (REDIS_CLUSTER_NODES) as ioredis's seed list. */
export function parseClusterNodes(nodes: string): Array<{ host: string; port: number }> {
  return nodes
    .split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '')
    .map((node) => {
      const colon = node.lastIndexOf(':');
      return { host: node.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(node.slice(colon + 1)) };
    });
}

/** The options that belong to the cluster client itself; the rest go to every node's connection. */
const CLUSTER_LEVEL = new Set(['enableOfflineQueue', 'enableAutoPipelining', 'autoPipeliningIgnoredCommands', 'lazyConnect']);

/**
 * Commands whose key ioredis cannot find (their first argument is a subcommand): an automatic
 * pipeline would group them by the slot of `CREATE` or `GROUPS` and send them to the wrong node,
 * and a batch mixing those MOVED replies with other nodes' successes is not redirected but fails.
 */
const UNROUTABLE_IN_AUTO_PIPELINES = ['xgroup', 'xinfo'];

function clusterOptions(options: RedisOptions): ClusterOptions {
  const own: Record<string, unknown> = {};
  const perNode: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) (CLUSTER_LEVEL.has(name) ? own : perNode)[name] = value;
  return {
    ...own,
    autoPipeliningIgnoredCommands: UNROUTABLE_IN_AUTO_PIPELINES,
    redisOptions: perNode,
    // Writes and reads go to primaries: a replica may lag behind a score that was just acknowledged.
    scaleReads: 'master',
    // After a failover the cluster needs a moment to promote a replica; keep trying meanwhile.
    clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    slotsRefreshTimeout: 2000,
  };
}

/** A Redis Cluster client from its seed nodes, with the same request-path behaviour as a single Redis. */
export function connectRedisCluster(nodes: string, options: RedisOptions = {}): Cluster {
  return new Cluster(parseClusterNodes(nodes), clusterOptions({ ...REQUEST_PATH, ...options }));
}

export interface RedisLocation {
  /** REDIS_CLUSTER_NODES: when set, the service runs on that Redis Cluster. */
  clusterNodes?: string | undefined;
  url: string;
}

export function connectClient(location: RedisLocation, options: RedisOptions = {}): RedisClient {
  return location.clusterNodes ? connectRedisCluster(location.clusterNodes, options) : connectRedis(location.url, options);
}

/** Another connection to the same Redis (or Cluster) with some options changed, e.g. for blocking reads or BullMQ. */
export function duplicateClient(client: RedisClient, overrides: RedisOptions): RedisClient {
  if (client instanceof Cluster) {
    const base = clusterOptions({ ...client.options.redisOptions, ...overrides });
    return client.duplicate(undefined, { ...base, enableAutoPipelining: overrides.enableAutoPipelining ?? client.options.enableAutoPipelining, enableOfflineQueue: overrides.enableOfflineQueue ?? client.options.enableOfflineQueue });
  }
  return client.duplicate(overrides);
}

/** Resolves when the client can take commands; rejects after `timeoutMs`. */
export function untilReady(redis: RedisClient, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis was not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
