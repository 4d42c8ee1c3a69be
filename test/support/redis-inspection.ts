import type { Keys } from '../../src/redis/keys.js';
import type { RedisClient } from '../../src/redis/redis-client.js';
import { readDayCounters } from '../../src/reports/day-counters.js';

/** A day's report counters, added up over every partition. */
export async function dayCounters(redis: RedisClient, keys: Keys, day: string): Promise<Record<string, string>> {
  const [counters] = await readDayCounters(redis, keys, [day]);
  return counters ?? {};
}

/** What a consumer group has not finished yet, over every partition's event stream: entries pending and not yet read. */
export async function groupBacklog(redis: RedisClient, keys: Keys, group: string): Promise<{ pending: number; lag: number; exists: boolean }> {
  const backlog = { pending: 0, lag: 0, exists: true };
  for (const partition of keys.partitionList) {
    const groups = (await redis.xinfo('GROUPS', keys.events(partition)).catch(() => [])) as unknown[][];
    const found = groups.map((fields) => Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[i * 2], fields[i * 2 + 1]]))).find((entry) => entry.name === group);
    if (!found) {
      backlog.exists = false;
      continue;
    }
    backlog.pending += Number(found.pending);
    backlog.lag += Number(found.lag ?? 0);
  }
  return backlog;
}
