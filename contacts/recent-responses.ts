import type { Keys } from '../src/redis/keys.js';
import type { RedisClient } from '../src/redis/redis-client.js';

/** Responses of one customer or number looked at, at most (the latest ids are enough to find a recent one). */
const MAX_IDS = 200;

/**
 * Whether any survey response of this customer id or number (any channel: chat, a campaign call,
 * an inbound text) began within `gapMs` of `at`. The response indexes are sets per partition, so
 * every partition is read (one command each, no cross-slot pipeline), then the responses' times.
 */
export async function hasResponseNear(redis: RedisClient, keys: Keys, who: { customerId?: string | undefined; phone?: string | undefined }, at: Date, gapMs: number): Promise<boolean> {
  if (gapMs <= 0 || (!who.customerId && !who.phone)) return false;
  const indexes = keys.partitionList.flatMap((partition) => [
    ...(who.customerId ? [keys.responsesOfCustomer(partition, who.customerId)] : []),
    ...(who.phone ? [keys.responsesOfPhone(partition, who.phone)] : []),
  ]);
  const ids = [...new Set((await Promise.all(indexes.map((index) => redis.smembers(index)))).flat())].slice(0, MAX_IDS);
  const times = await Promise.all(ids.map((id) => redis.hget(keys.response(id), 'createdAt')));
  return times.some((time) => time !== null && Math.abs(Date.parse(time) - at.getTime()) < gapMs);
}
