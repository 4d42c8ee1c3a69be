import type { Keys } from '../redis/keys.js';
import type { RedisClient } from '../redis/redis-client.js';

function fieldsOf(reply: unknown[]): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (let index = 0; index + 1 < reply.length; index += 2) fields.set(String(reply[index]), reply[index + 1]);
  return fields;
}

/**
 * A consumer group's `lag` (entries not yet delivered to it) or `pending` (delivered, not
 * acknowledged), summed over the partition streams, from XINFO GROUPS (Redis 7). A stream or group
 * that does not exist yet counts 0; a lag Redis cannot tell (after deletions) counts the stream's length.
 */
export async function consumerLag(redis: RedisClient, keys: Keys, group: string, field: 'lag' | 'pending' = 'lag'): Promise<number> {
  const perPartition = await Promise.all(
    keys.partitionList.map(async (partition) => {
      const stream = keys.events(partition);
      const groups = (await redis.xinfo('GROUPS', stream).catch(() => [])) as unknown[][];
      const ours = groups.map(fieldsOf).find((fields) => fields.get('name') === group);
      if (!ours) return 0;
      const value = ours.get(field);
      if (value === null || value === undefined) return field === 'lag' ? await redis.xlen(stream) : 0;
      return Number(value);
    }),
  );
  return perPartition.reduce((sum, count) => sum + count, 0);
}
