import type { Cluster, Redis } from 'ioredis';

/** A single Redis (or a primary with replicas) or a Redis Cluster: the service runs on either. */
export type RedisClient = Redis | Cluster;
