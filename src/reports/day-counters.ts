import type { Keys } from '../redis/keys.js';
import type { RedisClient } from '../redis/redis-client.js';

/**
 * One day's counters as a single hash: each partition keeps its own counter hash for the day (the
 * turn that bumps it stays in its partition's slot), and a reader adds them up. Read for many days
 * at once, the commands go out batched, one round trip per Redis node.
 */
export async function readDayCounters(redis: RedisClient, keys: Keys, days: readonly string[]): Promise<Array<Record<string, string>>> {
  const perPartition = await Promise.all(days.flatMap((day) => keys.partitionList.map((partition) => redis.hgetall(keys.dailyCounters(partition, day)))));
  return days.map((_day, dayIndex) => {
    const merged: Record<string, number> = {};
    for (let partition = 0; partition < keys.partitions; partition += 1) {
      const hash = perPartition[dayIndex * keys.partitions + partition] ?? {};
      for (const [field, value] of Object.entries(hash)) merged[field] = (merged[field] ?? 0) + Number(value);
    }
    return Object.fromEntries(Object.entries(merged).map(([field, count]) => [field, String(count)]));
  });
}

/** Each day's counter hashes, one per partition, unmerged (a reader that sums anyway saves the merge). */
export async function readPartitionCounters(redis: RedisClient, keys: Keys, days: readonly string[]): Promise<Array<Array<Record<string, string>>>> {
  const perPartition = await Promise.all(days.flatMap((day) => keys.partitionList.map((partition) => redis.hgetall(keys.dailyCounters(partition, day)))));
  return days.map((_day, dayIndex) => perPartition.slice(dayIndex * keys.partitions, (dayIndex + 1) * keys.partitions));
}
