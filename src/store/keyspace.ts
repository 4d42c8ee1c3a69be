import { createKeys, type Keys } from '../redis/keys.js';
import type { RedisClient } from '../redis/redis-client.js';

export class KeyspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyspaceError';
  }
}

/** A key that only the layout before partitions had: its creation index. */
export function legacyCreationIndex(prefix: string): string {
  return `${prefix}idx:created`;
}

/**
 * The keyspace's keys. P, the number of partitions, is fixed the first time the keyspace is used
 * and kept in Redis: a conversation's partition is its hash modulo P, so a different P would lose
 * every stored conversation. Refuses a P that differs from the stored one, and a store still in
 * the layout before partitions (it needs `npm run -s migrate-keyspace` first).
 */
export async function openKeyspace(redis: RedisClient, prefix: string, partitions: number): Promise<Keys> {
  const keys = createKeys(prefix, partitions);
  const stored = await redis.get(keys.keyspacePartitions());
  if (stored === null) {
    if ((await redis.exists(legacyCreationIndex(prefix))) === 1) {
      throw new KeyspaceError('This Redis holds survey data in the layout before partitions. Run `npm run -s migrate-keyspace` once, then start again.');
    }
    if ((await redis.set(keys.keyspacePartitions(), String(partitions), 'NX')) === 'OK') return keys;
    return openKeyspace(redis, prefix, partitions);
  }
  if (Number(stored) !== partitions) {
    throw new KeyspaceError(`REDIS_PARTITIONS is ${partitions}, but this keyspace was created with ${stored} partitions and cannot change: set REDIS_PARTITIONS=${stored}.`);
  }
  return keys;
}
